package io.github.ctakesdtn.model;

import java.util.Arrays;

/** Gradients of the CRF's own parameters, accumulated over the sentences of a batch. */
public final class CrfGradient {
  public final double[][] transitions;
  public final double[] start;
  public final double[] end;

  public CrfGradient(int tags) {
    transitions = new double[tags][tags];
    start = new double[tags];
    end = new double[tags];
  }

  public void clear() {
    for (double[] row : transitions) {
      Arrays.fill(row, 0);
    }
    Arrays.fill(start, 0);
    Arrays.fill(end, 0);
  }

  /** Adds {@code scale} times another gradient into this one. */
  public void addScaled(CrfGradient from, double scale) {
    for (int i = 0; i < from.start.length; i++) {
      start[i] += from.start[i] * scale;
      end[i] += from.end[i] * scale;
      for (int j = 0; j < from.start.length; j++) {
        transitions[i][j] += from.transitions[i][j] * scale;
      }
    }
  }
}
