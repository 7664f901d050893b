package io.github.ctakesdtn.nn;

/** A layer applied to each row on its own for training (the O group). */
public interface RowLayer {
  int size();

  Trace forward(float[] x);

  /** Adds the parameters' gradients, and the input's into {@code dx}, for output gradient {@code dy}. */
  void backward(Trace trace, float[] dy, float[] dx, Gradients grads);

  /** Call after the parameters change. */
  void refresh();

  interface Trace {
    float[] output();
  }
}
