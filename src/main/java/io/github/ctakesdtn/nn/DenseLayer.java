package io.github.ctakesdtn.nn;

/** DL4J's identity {@code DenseLayer} for training: {@code y = x W + b}, W [in, out]. */
public final class DenseLayer {
  private final Param w;
  private final Param b;
  private float[][] wT;

  public DenseLayer(Params params, String vertex, int in, int out) {
    this.w = params.add(Param.matrix(vertex, "W", in, out));
    this.b = params.add(Param.matrix(vertex, "b", 1, out));
  }

  /** Call after the parameters change. */
  public void refresh() {
    wT = Kernels.transpose(w.value);
  }

  public float[] forward(float[] x) {
    float[] y = b.value[0].clone();
    Kernels.multiplyAdd(x, 0, w.value, y);
    return y;
  }

  /** Adds the parameters' gradients and the input's ({@code dx}) for output gradient dy. */
  public void backward(float[] x, float[] dy, float[] dx, Gradients grads) {
    Kernels.outerAdd(x, 0, x.length, dy, grads.of(w), 0);
    Kernels.add(dy, grads.of(b)[0]);
    Kernels.multiplyAdd(dy, 0, wT, dx);
  }
}
