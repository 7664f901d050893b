package io.github.ctakesdtn.nn;

import java.util.Arrays;

/** Gradient buffers shaped like every parameter of a {@link Params}: one set per training thread. */
public final class Gradients {
  private final float[][][] values;

  public Gradients(Params params) {
    this.values = new float[params.all().size()][][];
    for (int i = 0; i < values.length; i++) {
      Param p = params.all().get(i);
      values[i] = new float[p.rows()][p.columns()];
    }
  }

  /** The gradient of a parameter, [rows][columns]. */
  public float[][] of(Param param) {
    return values[param.index];
  }

  float[][] at(int index) {
    return values[index];
  }

  public void clear() {
    for (float[][] value : values) {
      for (float[] row : value) {
        Arrays.fill(row, 0f);
      }
    }
  }

  /** Adds another thread's gradients into these. */
  public void add(Gradients other) {
    for (int i = 0; i < values.length; i++) {
      for (int r = 0; r < values[i].length; r++) {
        Kernels.add(other.values[i][r], values[i][r]);
      }
    }
  }
}
