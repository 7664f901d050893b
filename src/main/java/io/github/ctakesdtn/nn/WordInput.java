package io.github.ctakesdtn.nn;

/**
 * What the word BiLSTM reads of one word: its vocabulary id and its features (character encoder,
 * word shape, and for a token in context its contextual embedding). The tagging form interns one
 * per word form, so a layer may keep what it computes from a reusable one (equal means the same id
 * and the same features array); a token's input in context is used once.
 */
public record WordInput(int wordId, float[] charFeatures, boolean reusable) {}
