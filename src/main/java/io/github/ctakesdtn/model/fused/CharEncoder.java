package io.github.ctakesdtn.model.fused;

/** Features of one word from its character indices (the C group). */
interface CharEncoder {
  int size();

  /** The features of the word {@code chars[0 .. n)}, n at least 1. */
  float[] encode(int[] chars, int n);
}
