package io.github.ctakesdtn.model.fused;

/** DL4J's identity {@code DenseLayer}: {@code y = x W + b}, W [in, out] row-major. */
final class Dense {
  private final float[] w;
  private final float[] b;
  private final int in;

  Dense(float[] w, float[] b) {
    this.w = w;
    this.b = b;
    this.in = w.length / b.length;
    if (in * b.length != w.length) {
      throw new IllegalArgumentException("dense weights " + w.length + " do not fit bias " + b.length);
    }
  }

  int size() {
    return b.length;
  }

  /** Outputs [rows, out] of inputs [rows, in]. */
  float[] apply(float[] x, int rows) {
    int out = b.length;
    float[] y = new float[rows * out];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(b, 0, y, r * out, out);
      Kernels.multiplyAdd(x, r * in, in, w, 0, out, y, r * out);
    }
    return y;
  }
}
