package io.github.ctakesdtn.nn;

/**
 * An exponential moving average of a network's parameters over training steps (Polyak averaging):
 * {@code avg = d * avg + (1 - d) * value} after every step, with {@code d = min(decay, (1 + t) /
 * (10 + t))} so that the first steps are not dominated by the initial values. Evaluating and saving
 * the averaged parameters instead of the last step's smooths out the step-to-step noise of small
 * batches, which on a small corpus moves dev F1 by a point or more from one epoch to the next.
 */
public final class ParameterAverage {
  private final Params params;
  private final double decay;
  private float[][][] average;
  private long steps;

  public ParameterAverage(Params params, double decay) {
    if (decay <= 0 || decay >= 1) {
      throw new IllegalArgumentException("the averaging decay must be in (0, 1), got " + decay);
    }
    this.params = params;
    this.decay = decay;
    reset();
  }

  /** Starts the average again from the current values (e.g. after a warm start changed them). */
  public void reset() {
    average = params.snapshot();
    steps = 0;
  }

  /** The averaged values, indexed like {@link Params#snapshot()} (the average's own arrays: read them before the next step). */
  public float[][][] values() {
    return average;
  }

  /** Steps averaged so far, which set the next step's decay. */
  public long steps() {
    return steps;
  }

  /** Continues from values and a step count that {@link #values()} and {@link #steps()} gave. */
  public void restore(float[][][] values, long steps) {
    for (int p = 0; p < average.length; p++) {
      for (int r = 0; r < average[p].length; r++) {
        System.arraycopy(values[p][r], 0, average[p][r], 0, average[p][r].length);
      }
    }
    this.steps = steps;
  }

  /** Takes the values after a training step into the average. */
  public void update() {
    steps++;
    float d = (float) Math.min(decay, (1.0 + steps) / (10.0 + steps));
    float rest = 1 - d;
    for (Param p : params.all()) {
      float[][] avg = average[p.index];
      for (int r = 0; r < avg.length; r++) {
        float[] a = avg[r];
        float[] v = p.value[r];
        for (int c = 0; c < a.length; c++) {
          a[c] = d * a[c] + rest * v[c];
        }
      }
    }
  }

  /** Exchanges the parameters' values with the average: call once to evaluate it, once more to train on. */
  public void swap() {
    for (Param p : params.all()) {
      float[][] avg = average[p.index];
      for (int r = 0; r < avg.length; r++) {
        float[] held = p.value[r].clone();
        System.arraycopy(avg[r], 0, p.value[r], 0, held.length);
        avg[r] = held;
      }
    }
  }
}
