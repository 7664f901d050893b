package io.github.ctakesdtn.nn;

/** A layer over a sentence's rows for training (the W group): outputs [n][size] from inputs [n][in]. */
public interface SequenceLayer {
  int size();

  Trace forward(float[][] x);

  /** Adds the parameters' gradients, and the inputs' into {@code dx}, for output gradients {@code dh}. */
  void backward(Trace trace, float[][] dh, float[][] dx, Gradients grads);

  /** Call after the parameters change. */
  void refresh();

  interface Trace {
    float[][] output();
  }
}
