package io.github.ctakesdtn.model.fused;

import io.github.ctakesdtn.nn.Kernels;

/** DL4J's identity {@code DenseLayer}: {@code y = x W + b}, W [in, out]. */
final class Dense {
  private final float[][] w;
  private final float[] b;

  /** From the layer's flat row-major W and b. */
  Dense(float[] w, float[] b) {
    this.w = Kernels.rows(w, b.length);
    this.b = b;
  }

  int size() {
    return b.length;
  }

  /** Output rows of input rows. */
  float[][] apply(float[][] x) {
    float[][] y = new float[x.length][];
    for (int r = 0; r < x.length; r++) {
      y[r] = b.clone();
      Kernels.multiplyAdd(x[r], 0, w, y[r]);
    }
    return y;
  }
}
