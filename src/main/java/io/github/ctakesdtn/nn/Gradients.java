package io.github.ctakesdtn.nn;

import java.util.Arrays;
import java.util.List;

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

  /** Zeroes the gradients of these parameters. */
  public void clear(List<Param> params) {
    for (Param p : params) {
      for (float[] row : values[p.index]) {
        Arrays.fill(row, 0f);
      }
    }
  }

  /** Adds another thread's gradients of these parameters into these. */
  public void add(Gradients other, List<Param> params) {
    for (Param p : params) {
      for (int r = 0; r < values[p.index].length; r++) {
        Kernels.add(other.values[p.index][r], values[p.index][r]);
      }
    }
  }
}
