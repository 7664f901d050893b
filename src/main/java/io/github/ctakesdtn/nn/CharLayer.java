package io.github.ctakesdtn.nn;

/** A character encoder for training: features of one word, and their backward pass. */
public interface CharLayer {
  int size();

  /** Forward over the word's character indices {@code chars[0 .. n)}, n at least 1. */
  Trace forward(int[] chars, int n);

  /** Adds the gradients of the parameters, given the loss gradient of the word's features. */
  void backward(Trace trace, float[] dFeatures, Gradients grads);

  /** Call after the parameters change. */
  void refresh();

  /** The features, and whatever the backward pass needs. */
  interface Trace {
    float[] features();
  }
}
