package io.github.ctakesdtn.model.fused;

import io.github.ctakesdtn.nn.Activations;
import io.github.ctakesdtn.nn.Kernels;

/**
 * One direction of a DL4J {@code LSTM} layer (no peepholes): input weights W [in, 4H], recurrent
 * weights RW [H, 4H] and bias b [4H], with the 4H gate columns in DL4J's order: block input a
 * (tanh), forget f, output o, input gate i (sigmoids). {@code c = f*c + i*a}, {@code h = o*tanh(c)}.
 * Each gate's columns are kept as a matrix of its own, so that every loop runs over whole arrays
 * (see {@link Kernels}).
 */
final class Lstm {
  private static final int GATES = 4;
  private static final int BLOCK_INPUT = 0;
  private static final int FORGET = 1;
  private static final int OUTPUT = 2;
  private static final int INPUT_GATE = 3;

  final int in;
  final int hidden;
  /** Per gate: input weights [in][H], recurrent weights [H][H], bias [H]. */
  private final float[][][] w = new float[GATES][][];
  private final float[][][] rw = new float[GATES][][];
  private final float[][] b = new float[GATES][];

  /** From the layer's flat row-major W, RW and b. */
  Lstm(float[] w, float[] rw, float[] b) {
    this.hidden = b.length / GATES;
    this.in = w.length / (GATES * hidden);
    if (rw.length != hidden * GATES * hidden || w.length != in * GATES * hidden) {
      throw new IllegalArgumentException("LSTM weight shapes do not match: W " + w.length + ", RW " + rw.length
          + ", b " + b.length);
    }
    for (int g = 0; g < GATES; g++) {
      this.w[g] = gateColumns(w, in, g);
      this.rw[g] = gateColumns(rw, hidden, g);
      this.b[g] = java.util.Arrays.copyOfRange(b, g * hidden, (g + 1) * hidden);
    }
  }

  private float[][] gateColumns(float[] matrix, int rows, int gate) {
    float[][] columns = new float[rows][];
    for (int r = 0; r < rows; r++) {
      int from = r * GATES * hidden + gate * hidden;
      columns[r] = java.util.Arrays.copyOfRange(matrix, from, from + hidden);
    }
    return columns;
  }

  /** {@code b + x[xo .. xo+in) W} per gate: the input's share of the gates, [4][H]. */
  float[][] project(float[] x, int xo) {
    return project(b, x, xo, 0, in);
  }

  /**
   * {@code base + x[xo .. xo+k) W[firstInput .. firstInput+k)} per gate: the share of k of the
   * inputs added to a partial projection [4][H] (the bias, or the bias plus other inputs' share).
   */
  float[][] project(float[][] base, float[] x, int xo, int firstInput, int k) {
    float[][] gates = new float[GATES][];
    for (int g = 0; g < GATES; g++) {
      gates[g] = base[g].clone();
      Kernels.multiplyAdd(x, xo, k, w[g], firstInput, gates[g]);
    }
    return gates;
  }

  /** The bias per gate, [4][H]: the projection of no input. */
  float[][] bias() {
    return b;
  }

  /**
   * Runs over n steps whose projected inputs are {@code proj[projRows[pos]]}, in position order or
   * reversed, and writes h of position pos to {@code out[pos]} from index {@code outOffset}.
   */
  void run(float[][][] proj, int[] projRows, int n, boolean reverse, float[][] out, int outOffset) {
    float[][] gates = new float[GATES][hidden];
    float[] a = gates[BLOCK_INPUT];
    float[] f = gates[FORGET];
    float[] o = gates[OUTPUT];
    float[] i = gates[INPUT_GATE];
    float[] h = new float[hidden];
    float[] c = new float[hidden];
    float[] tanhC = new float[hidden];
    for (int step = 0; step < n; step++) {
      int pos = reverse ? n - 1 - step : step;
      float[][] input = proj[projRows[pos]];
      for (int g = 0; g < GATES; g++) {
        System.arraycopy(input[g], 0, gates[g], 0, hidden);
        if (step > 0) {
          Kernels.multiplyAdd(h, 0, rw[g], gates[g]);
        }
      }
      Activations.tanh(a);
      Activations.sigmoid(f);
      Activations.sigmoid(o);
      Activations.sigmoid(i);
      for (int j = 0; j < hidden; j++) {
        c[j] = f[j] * c[j] + i[j] * a[j];
        tanhC[j] = c[j];
      }
      Activations.tanh(tanhC);
      for (int j = 0; j < hidden; j++) {
        h[j] = o[j] * tanhC[j];
      }
      System.arraycopy(h, 0, out[pos], outOffset, hidden);
    }
  }
}
