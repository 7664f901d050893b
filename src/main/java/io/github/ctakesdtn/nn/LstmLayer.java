package io.github.ctakesdtn.nn;

import java.util.Arrays;

/**
 * One direction of an LSTM (no peepholes): tensors W [in, 4H], RW [H, 4H] and b [4H], the 4H
 * gate columns in the order block input a (tanh), forget f, output o, input gate i (sigmoids);
 * {@code c = f*c + i*a}, {@code h = o*tanh(c)}. Each gate's columns are kept as a matrix of their
 * own, so that every loop runs over whole arrays (see {@link Kernels}).
 *
 * <p>Training runs {@link #forward} (keeping what backpropagation through time needs) and
 * {@link #backward}; tagging runs {@link #project} and {@link #run}, which keep nothing. Both
 * take the same steps ({@link #recur}, {@link #cell}).
 */
public final class LstmLayer {
  private static final int GATES = 4;
  private static final int BLOCK_INPUT = 0;
  private static final int FORGET = 1;
  private static final int OUTPUT = 2;
  private static final int INPUT_GATE = 3;

  public final int in;
  public final int hidden;
  private final Param[] w = new Param[GATES];
  private final Param[] rw = new Param[GATES];
  private final Param[] b = new Param[GATES];
  /** Transposed copies for the backward pass (vectorizable as axpy), refreshed after each update. */
  private final float[][][] wT = new float[GATES][][];
  private final float[][][] rwT = new float[GATES][][];

  /** Tensors {@code layer.W}, {@code layer.RW}, {@code layer.b}; the forget gate's bias starts at 1. */
  public LstmLayer(Params params, String layer, int in, int hidden) {
    this.in = in;
    this.hidden = hidden;
    int width = GATES * hidden;
    Tensor wTensor = Tensor.of(layer, "W", in, width);
    Tensor rwTensor = Tensor.of(layer, "RW", hidden, width);
    Tensor bTensor = Tensor.of(layer, "b", width);
    Param.Init weights = Param.Init.xavier(in, 2.0 * hidden);
    for (int g = 0; g < GATES; g++) {
      int offset = g * hidden;
      w[g] = params.add(new Param(wTensor, in, hidden, (r, c) -> r * width + offset + c, weights));
      rw[g] = params.add(new Param(rwTensor, hidden, hidden, (r, c) -> r * width + offset + c, weights));
      b[g] = params.add(new Param(bTensor, 1, hidden, (r, c) -> offset + c,
          g == FORGET ? Param.Init.constant(1) : Param.Init.zero()));
    }
  }

  /** Call after the parameters change. */
  public void refresh() {
    for (int g = 0; g < GATES; g++) {
      wT[g] = Kernels.transpose(w[g].value);
      rwT[g] = Kernels.transpose(rw[g].value);
    }
  }

  // --- the steps both forms take -----------------------------------------------------------------

  /** The bias per gate, [4][H]: the projection of no input. */
  public float[][] bias() {
    float[][] bias = new float[GATES][];
    for (int g = 0; g < GATES; g++) {
      bias[g] = b[g].value[0];
    }
    return bias;
  }

  /**
   * {@code base + x[xo .. xo+k) W[firstInput .. firstInput+k)} per gate: the share of k of the
   * inputs added to a partial projection [4][H] (the bias, or the bias plus other inputs' share).
   */
  public float[][] project(float[][] base, float[] x, int xo, int firstInput, int k) {
    float[][] gates = new float[GATES][];
    for (int g = 0; g < GATES; g++) {
      gates[g] = base[g].clone();
      Kernels.multiplyAdd(x, xo, k, w[g].value, firstInput, gates[g]);
    }
    return gates;
  }

  /** Adds the previous output's share {@code hPrev RW} to the gates' pre-activations. */
  private void recur(float[] hPrev, float[][] z) {
    for (int g = 0; g < GATES; g++) {
      Kernels.multiplyAdd(hPrev, 0, rw[g].value, z[g]);
    }
  }

  /** Activates the gates z in place and computes the cell c, tanh(c) and the output h. */
  private static void cell(float[][] z, float[] cPrev, float[] c, float[] tanhC, float[] h) {
    Activations.tanh(z[BLOCK_INPUT]);
    Activations.sigmoid(z[FORGET]);
    Activations.sigmoid(z[OUTPUT]);
    Activations.sigmoid(z[INPUT_GATE]);
    float[] a = z[BLOCK_INPUT];
    float[] f = z[FORGET];
    float[] i = z[INPUT_GATE];
    for (int j = 0; j < c.length; j++) {
      c[j] = f[j] * cPrev[j] + i[j] * a[j];
      tanhC[j] = c[j];
    }
    Activations.tanh(tanhC);
    float[] o = z[OUTPUT];
    for (int j = 0; j < h.length; j++) {
      h[j] = o[j] * tanhC[j];
    }
  }

  // --- tagging -----------------------------------------------------------------------------------

  /**
   * Runs over n steps whose projected inputs ({@link #project}) are {@code proj[projRows[pos]]},
   * in position order or reversed, and writes h of position pos to {@code out[pos]} from index
   * {@code outOffset}.
   */
  public void run(float[][][] proj, int[] projRows, int n, boolean reverse, float[][] out, int outOffset) {
    float[][] z = new float[GATES][hidden];
    float[] h = new float[hidden];
    float[] c = new float[hidden];
    float[] tanhC = new float[hidden];
    for (int step = 0; step < n; step++) {
      int pos = reverse ? n - 1 - step : step;
      float[][] input = proj[projRows[pos]];
      for (int g = 0; g < GATES; g++) {
        System.arraycopy(input[g], 0, z[g], 0, hidden);
      }
      if (step > 0) {
        recur(h, z);
      }
      cell(z, c, c, tanhC, h);
      System.arraycopy(h, 0, out[pos], outOffset, hidden);
    }
  }

  // --- training ----------------------------------------------------------------------------------

  /** What one run over a sequence leaves for its backward pass. */
  public static final class Trace {
    final float[][] x;
    final boolean reverse;
    /** Per step (in processing order): activated gates [4][H], cell c, tanh(c). */
    final float[][][] gates;
    final float[][] c;
    final float[][] tanhC;
    /** Outputs by position. */
    public final float[][] h;

    Trace(float[][] x, boolean reverse, int hidden) {
      int n = x.length;
      this.x = x;
      this.reverse = reverse;
      this.gates = new float[n][][];
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
    float[][] bias = bias();
    float[] hPrev = null;
    float[] cPrev = new float[hidden];
    for (int step = 0; step < n; step++) {
      int pos = trace.position(step);
      float[][] z = project(bias, x[pos], 0, 0, in);
      if (hPrev != null) {
        recur(hPrev, z);
      }
      float[] h = new float[hidden];
      cell(z, cPrev, trace.c[step], trace.tanhC[step], h);
      trace.gates[step] = z;
      trace.h[pos] = h;
      hPrev = h;
      cPrev = trace.c[step];
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
    float[] zero = new float[hidden];
    for (int step = n - 1; step >= 0; step--) {
      int pos = trace.position(step);
      float[][] z = trace.gates[step];
      float[] a = z[BLOCK_INPUT];
      float[] f = z[FORGET];
      float[] o = z[OUTPUT];
      float[] i = z[INPUT_GATE];
      float[] tanhC = trace.tanhC[step];
      float[] cPrev = step > 0 ? trace.c[step - 1] : zero;
      float[] out = dh[pos];
      for (int j = 0; j < hidden; j++) {
        float dhj = dhNext[j] + (out == null ? 0f : out[j]);
        dz[OUTPUT][j] = dhj * tanhC[j] * o[j] * (1 - o[j]);
        dc[j] = dhj * o[j] * (1 - tanhC[j] * tanhC[j]) + dcNext[j];
        dz[FORGET][j] = dc[j] * cPrev[j] * f[j] * (1 - f[j]);
        dz[INPUT_GATE][j] = dc[j] * a[j] * i[j] * (1 - i[j]);
        dz[BLOCK_INPUT][j] = dc[j] * i[j] * (1 - a[j] * a[j]);
        dcNext[j] = dc[j] * f[j];
      }
      Arrays.fill(dhNext, 0f);
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
