package io.github.ctakesdtn.nn;

/**
 * One direction of a DL4J {@code LSTM} layer for training: forward over a sequence keeping what
 * backpropagation through time needs, and backward into parameter and input gradients. Gates in
 * DL4J's column order (block input a, forget f, output o, input gate i), each gate's weights a
 * matrix of its own; the layer's W [in, 4H], RW [H, 4H] and b [4H] map onto them.
 */
public final class LstmLayer {
  private static final int GATES = 4;

  public final int in;
  public final int hidden;
  private final Param[] w = new Param[GATES];
  private final Param[] rw = new Param[GATES];
  private final Param[] b = new Param[GATES];
  /** Transposed copies for the backward pass (vectorizable as axpy), refreshed after each update. */
  private final float[][][] wT = new float[GATES][][];
  private final float[][][] rwT = new float[GATES][][];

  public LstmLayer(Params params, String vertex, int in, int hidden) {
    this.in = in;
    this.hidden = hidden;
    int width = GATES * hidden;
    for (int g = 0; g < GATES; g++) {
      int offset = g * hidden;
      w[g] = params.add(new Param(vertex, "W", in, hidden, (r, c) -> r * width + offset + c));
      rw[g] = params.add(new Param(vertex, "RW", hidden, hidden, (r, c) -> r * width + offset + c));
      b[g] = params.add(new Param(vertex, "b", 1, hidden, (r, c) -> offset + c));
    }
  }

  /** Call after the parameters change. */
  public void refresh() {
    for (int g = 0; g < GATES; g++) {
      wT[g] = Kernels.transpose(w[g].value);
      rwT[g] = Kernels.transpose(rw[g].value);
    }
  }

  /** What one run over a sequence leaves for its backward pass. */
  public static final class Trace {
    final float[][] x;
    final boolean reverse;
    /** Per step (in processing order): activated gates [4][H], cell c, tanh(c), output h. */
    final float[][][] gates;
    final float[][] c;
    final float[][] tanhC;
    /** Outputs by position. */
    public final float[][] h;

    Trace(float[][] x, boolean reverse, int hidden) {
      int n = x.length;
      this.x = x;
      this.reverse = reverse;
      this.gates = new float[n][GATES][hidden];
      this.c = new float[n][hidden];
      this.tanhC = new float[n][hidden];
      this.h = new float[n][];
    }

    int position(int step) {
      return reverse ? x.length - 1 - step : step;
    }
  }

  /** Runs over inputs x [n][in] (by position), forward in position order or reversed. */
  public Trace forward(float[][] x, boolean reverse) {
    int n = x.length;
    Trace trace = new Trace(x, reverse, hidden);
    float[] hPrev = null;
    float[] cPrev = new float[hidden];
    for (int step = 0; step < n; step++) {
      int pos = trace.position(step);
      float[][] z = trace.gates[step];
      for (int g = 0; g < GATES; g++) {
        System.arraycopy(b[g].value[0], 0, z[g], 0, hidden);
        Kernels.multiplyAdd(x[pos], 0, w[g].value, z[g]);
        if (hPrev != null) {
          Kernels.multiplyAdd(hPrev, 0, rw[g].value, z[g]);
        }
      }
      Activations.tanh(z[0]);
      Activations.sigmoid(z[1]);
      Activations.sigmoid(z[2]);
      Activations.sigmoid(z[3]);
      float[] a = z[0];
      float[] f = z[1];
      float[] o = z[2];
      float[] i = z[3];
      float[] c = trace.c[step];
      float[] tanhC = trace.tanhC[step];
      for (int j = 0; j < hidden; j++) {
        c[j] = f[j] * cPrev[j] + i[j] * a[j];
        tanhC[j] = c[j];
      }
      Activations.tanh(tanhC);
      float[] h = new float[hidden];
      for (int j = 0; j < hidden; j++) {
        h[j] = o[j] * tanhC[j];
      }
      trace.h[pos] = h;
      hPrev = h;
      cPrev = c;
    }
    return trace;
  }

  /**
   * Backpropagation through time: {@code dh} [n][H] is the loss gradient of the outputs by
   * position (null rows for none); adds the inputs' gradients into {@code dx} [n][in] and the
   * parameters' into {@code grads}.
   */
  public void backward(Trace trace, float[][] dh, float[][] dx, Gradients grads) {
    int n = trace.x.length;
    float[] dhNext = new float[hidden];
    float[] dcNext = new float[hidden];
    float[] dc = new float[hidden];
    float[][] dz = new float[GATES][hidden];
    float[][][] dw = new float[GATES][][];
    float[][][] drw = new float[GATES][][];
    float[][] db = new float[GATES][];
    for (int g = 0; g < GATES; g++) {
      dw[g] = grads.of(w[g]);
      drw[g] = grads.of(rw[g]);
      db[g] = grads.of(b[g])[0];
    }
    for (int step = n - 1; step >= 0; step--) {
      int pos = trace.position(step);
      float[][] z = trace.gates[step];
      float[] a = z[0];
      float[] f = z[1];
      float[] o = z[2];
      float[] i = z[3];
      float[] tanhC = trace.tanhC[step];
      float[] cPrev = step > 0 ? trace.c[step - 1] : new float[hidden];
      float[] out = dh[pos];
      for (int j = 0; j < hidden; j++) {
        float dhj = dhNext[j] + (out == null ? 0f : out[j]);
        dz[2][j] = dhj * tanhC[j] * o[j] * (1 - o[j]);
        dc[j] = dhj * o[j] * (1 - tanhC[j] * tanhC[j]) + dcNext[j];
        dz[1][j] = dc[j] * cPrev[j] * f[j] * (1 - f[j]);
        dz[3][j] = dc[j] * a[j] * i[j] * (1 - i[j]);
        dz[0][j] = dc[j] * i[j] * (1 - a[j] * a[j]);
        dcNext[j] = dc[j] * f[j];
      }
      java.util.Arrays.fill(dhNext, 0f);
      float[] hPrev = step > 0 ? trace.h[trace.position(step - 1)] : null;
      for (int g = 0; g < GATES; g++) {
        Kernels.outerAdd(trace.x[pos], 0, in, dz[g], dw[g], 0);
        Kernels.add(dz[g], db[g]);
        Kernels.multiplyAdd(dz[g], 0, wT[g], dx[pos]);
        if (hPrev != null) {
          Kernels.outerAdd(hPrev, 0, hidden, dz[g], drw[g], 0);
          Kernels.multiplyAdd(dz[g], 0, rwT[g], dhNext);
        }
      }
    }
  }
}
