package io.github.ctakesdtn.model.fused;

/**
 * One direction of a DL4J {@code LSTM} layer (no peepholes): input weights W [in, 4H], recurrent
 * weights RW [H, 4H] and bias b [4H], with the 4H gate columns in DL4J's order: block input
 * (tanh), forget, output, input gate (sigmoids). {@code c = f*c + i*a}, {@code h = o*tanh(c)}.
 */
final class Lstm {
  final int in;
  final int hidden;
  private final float[] w;
  private final float[] rw;
  private final float[] b;

  Lstm(float[] w, float[] rw, float[] b) {
    this.hidden = b.length / 4;
    this.in = w.length / (4 * hidden);
    if (rw.length != hidden * 4 * hidden || w.length != in * 4 * hidden) {
      throw new IllegalArgumentException("LSTM weight shapes do not match: W " + w.length + ", RW " + rw.length
          + ", b " + b.length);
    }
    this.w = w;
    this.rw = rw;
    this.b = b;
  }

  int gates() {
    return 4 * hidden;
  }

  /** {@code out[o .. o+4H) = b + x[xo .. xo+in) W}: the input's share of the gates. */
  void project(float[] x, int xo, float[] out, int o) {
    System.arraycopy(b, 0, out, o, b.length);
    Kernels.multiplyAdd(x, xo, in, w, 0, b.length, out, o);
  }

  /**
   * Runs over n steps whose projected inputs are rows {@code projRows[pos]} of {@code proj}
   * (row width {@code projStride}, this direction's gates at {@code projOffset}), in position
   * order or reversed, and writes h of position pos to {@code out[pos * outStride + outOffset]}.
   */
  void run(float[] proj, int projStride, int projOffset, int[] projRows, int n, boolean reverse, float[] out,
      int outStride, int outOffset) {
    int g4 = 4 * hidden;
    float[] gates = new float[g4];
    float[] h = new float[hidden];
    float[] c = new float[hidden];
    for (int step = 0; step < n; step++) {
      int pos = reverse ? n - 1 - step : step;
      System.arraycopy(proj, projRows[pos] * projStride + projOffset, gates, 0, g4);
      if (step > 0) {
        Kernels.multiplyAdd(h, 0, hidden, rw, 0, g4, gates, 0);
      }
      for (int j = 0; j < hidden; j++) {
        float a = FastMath.tanh(gates[j]);
        float f = FastMath.sigmoid(gates[hidden + j]);
        float o = FastMath.sigmoid(gates[2 * hidden + j]);
        float i = FastMath.sigmoid(gates[3 * hidden + j]);
        c[j] = f * c[j] + i * a;
        h[j] = o * FastMath.tanh(c[j]);
      }
      System.arraycopy(h, 0, out, pos * outStride + outOffset, hidden);
    }
  }
}
