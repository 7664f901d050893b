package io.github.ctakesdtn.nn;

/**
 * What the word BiLSTM reads of one word form: its vocabulary id and its character features. The
 * tagging form interns one per word form, so a layer may keep what it computes from one (equal
 * means the same id and the same features array).
 */
public record WordInput(int wordId, float[] charFeatures) {}
