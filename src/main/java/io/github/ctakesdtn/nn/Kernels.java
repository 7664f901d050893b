package io.github.ctakesdtn.nn;

/**
 * The loops the fused layers are made of, written so that HotSpot's C2 vectorizes them. Measured
 * on this project's machines (AVX-512, JDK 17): an axpy over a weight row vectorizes only when both
 * the row and the output start at index 0 of their own arrays; the same loop with computed offsets
 * into flat arrays stays scalar (3 GMAC/s against 16-22). Hence weights are kept as one array per
 * row and every output is its own array.
 */
public final class Kernels {
  private Kernels() {}

  /** {@code out += x[xo .. xo+k) w} for w [k][m] given as k rows. */
  public static void multiplyAdd(float[] x, int xo, float[][] w, float[] out) {
    multiplyAdd(x, xo, w.length, w, 0, out);
  }

  /**
   * {@code out += x[xo .. xo+k) w[wRow .. wRow+k)}: k inputs times k rows of a matrix; four rows per
   * pass, so each output element is loaded and stored once per four multiply-adds.
   */
  public static void multiplyAdd(float[] x, int xo, int k, float[][] w, int wRow, float[] out) {
    int m = out.length;
    int j = 0;
    for (; j + 3 < k; j += 4) {
      float a0 = x[xo + j];
      float a1 = x[xo + j + 1];
      float a2 = x[xo + j + 2];
      float a3 = x[xo + j + 3];
      float[] w0 = w[wRow + j];
      float[] w1 = w[wRow + j + 1];
      float[] w2 = w[wRow + j + 2];
      float[] w3 = w[wRow + j + 3];
      for (int i = 0; i < m; i++) {
        out[i] += a0 * w0[i] + a1 * w1[i] + a2 * w2[i] + a3 * w3[i];
      }
    }
    for (; j < k; j++) {
      float a = x[xo + j];
      float[] row = w[wRow + j];
      for (int i = 0; i < m; i++) {
        out[i] += a * row[i];
      }
    }
  }

  /**
   * {@code w[wRow + j] += x[xo + j] * dy} for j in [0, k): the outer product of an input and an
   * output gradient added to a weight gradient. Zero inputs (dropped out) are skipped.
   */
  public static void outerAdd(float[] x, int xo, int k, float[] dy, float[][] w, int wRow) {
    int m = dy.length;
    for (int j = 0; j < k; j++) {
      float a = x[xo + j];
      if (a == 0f) {
        continue;
      }
      float[] row = w[wRow + j];
      for (int i = 0; i < m; i++) {
        row[i] += a * dy[i];
      }
    }
  }

  /** The transpose of a matrix given as rows. */
  public static float[][] transpose(float[][] w) {
    float[][] t = new float[w[0].length][w.length];
    for (int r = 0; r < w.length; r++) {
      for (int c = 0; c < w[r].length; c++) {
        t[c][r] = w[r][c];
      }
    }
    return t;
  }

  /** {@code out += x}, element by element. */
  public static void add(float[] x, float[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] += x[i];
    }
  }
}
