package io.github.ctakesdtn.nn;

/** A layer applied to each row on its own (the O group). */
public interface RowLayer {
  int size();

  Trace forward(float[] x);

  /** Adds the parameters' gradients, and the input's into {@code dx}, for output gradient {@code dy}. */
  void backward(Trace trace, float[] dy, float[] dx, Gradients grads);

  /** Call after the parameters change. */
  void refresh();

  /** The form for tagging: the output of a row, keeping nothing; safe to call from several threads. */
  default Function inference(GateObserver gates) {
    return x -> forward(x).output();
  }

  interface Trace {
    float[] output();
  }

  interface Function {
    float[] apply(float[] x);
  }
}
