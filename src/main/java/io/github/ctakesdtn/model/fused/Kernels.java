package io.github.ctakesdtn.model.fused;

/**
 * The few loops all the fused layers are made of, written so that HotSpot's C2 vectorizes them:
 * the innermost loop runs along a row of a row-major weight matrix (an "axpy", no reduction), and
 * four weight rows are taken per pass so that each output element is loaded and stored once per
 * four multiply-adds.
 */
final class Kernels {
  private Kernels() {}

  /**
   * {@code out[o .. o+m) += x[xo .. xo+k) * w}, with {@code w} a row-major [k, m] matrix starting
   * at {@code wo}.
   */
  static void multiplyAdd(float[] x, int xo, int k, float[] w, int wo, int m, float[] out, int o) {
    int j = 0;
    for (; j + 3 < k; j += 4) {
      float a0 = x[xo + j];
      float a1 = x[xo + j + 1];
      float a2 = x[xo + j + 2];
      float a3 = x[xo + j + 3];
      int r0 = wo + j * m;
      int r1 = r0 + m;
      int r2 = r1 + m;
      int r3 = r2 + m;
      for (int i = 0; i < m; i++) {
        out[o + i] += a0 * w[r0 + i] + a1 * w[r1 + i] + a2 * w[r2 + i] + a3 * w[r3 + i];
      }
    }
    for (; j < k; j++) {
      float a = x[xo + j];
      int r = wo + j * m;
      for (int i = 0; i < m; i++) {
        out[o + i] += a * w[r + i];
      }
    }
  }

  /** {@code out[o .. o+n) += x[xo .. xo+n)}. */
  static void add(float[] x, int xo, float[] out, int o, int n) {
    for (int i = 0; i < n; i++) {
      out[o + i] += x[xo + i];
    }
  }
}
