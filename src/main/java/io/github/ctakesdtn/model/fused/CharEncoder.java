package io.github.ctakesdtn.model.fused;

/** Features of one word from its character indices (the C group). */
interface CharEncoder {
  int size();

  /** Writes the features of the word {@code chars[0 .. n)} to {@code out[o .. o+size)}. */
  void encode(int[] chars, int n, float[] out, int o);
}
