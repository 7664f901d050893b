package io.github.ctakesdtn.nn;

/** An affine layer {@code y = x W + b}: tensors W [in, out] and b [out]. */
public final class DenseLayer implements RowLayer {
  private final Param w;
  private final Param b;
  private float[][] wT;

  public DenseLayer(Params params, String layer, int in, int out) {
    this.w = params.add(Param.matrix(Tensor.of(layer, "W", in, out), in, out, Param.Init.xavier(in, out)));
    this.b = params.add(Param.matrix(Tensor.of(layer, "b", out), 1, out, Param.Init.zero()));
  }

  @Override
  public int size() {
    return b.columns();
  }

  @Override
  public void refresh() {
    wT = Kernels.transpose(w.value);
  }

  private record DenseTrace(float[] x, float[] output) implements Trace {}

  @Override
  public Trace forward(float[] x) {
    float[] y = b.value[0].clone();
    Kernels.multiplyAdd(x, 0, w.value, y);
    return new DenseTrace(x, y);
  }

  @Override
  public void backward(Trace trace, float[] dy, float[] dx, Gradients grads) {
    float[] x = ((DenseTrace) trace).x;
    Kernels.outerAdd(x, 0, x.length, dy, grads.of(w), 0);
    Kernels.add(dy, grads.of(b)[0]);
    Kernels.multiplyAdd(dy, 0, wT, dx);
  }
}
