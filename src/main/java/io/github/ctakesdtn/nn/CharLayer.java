package io.github.ctakesdtn.nn;

/** A character encoder (the C group): features of one word, their backward pass, and a tagging form. */
public interface CharLayer {
  int size();

  /** Forward over the word's character indices {@code chars[0 .. n)}, n at least 1. */
  Trace forward(int[] chars, int n);

  /** Adds the gradients of the parameters, given the loss gradient of the word's features. */
  void backward(Trace trace, float[] dFeatures, Gradients grads);

  /** Call after the parameters change. */
  void refresh();

  /** The trace-free form for tagging, its tables computed from the current parameters. */
  Encoder inference(GateObserver gates);

  /** The features, and whatever the backward pass needs. */
  interface Trace {
    float[] features();
  }

  /** A word's features, keeping nothing; safe to call from several threads. */
  interface Encoder {
    float[] encode(int[] chars, int n);
  }
}
