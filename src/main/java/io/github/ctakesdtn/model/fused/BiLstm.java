package io.github.ctakesdtn.model.fused;

/**
 * A word-level BiLSTM: a forward LSTM and a backward one (DL4J's reverse-LSTM-reverse), outputs
 * concatenated [forward; backward]. Inputs are projected once per distinct row (a word type
 * appears many times in a batch), then each sentence runs its recurrence over its rows.
 */
final class BiLstm {
  private final Lstm forward;
  private final Lstm backward;

  BiLstm(Lstm forward, Lstm backward) {
    if (forward.in != backward.in || forward.hidden != backward.hidden) {
      throw new IllegalArgumentException("the two directions of a BiLSTM differ in shape");
    }
    this.forward = forward;
    this.backward = backward;
  }

  int size() {
    return 2 * forward.hidden;
  }

  /** The projected inputs of each direction for feature rows of width {@code in}. */
  Projection project(float[][] features) {
    float[][][] f = new float[features.length][][];
    float[][][] b = new float[features.length][][];
    for (int r = 0; r < features.length; r++) {
      f[r] = forward.project(features[r], 0);
      b[r] = backward.project(features[r], 0);
    }
    return new Projection(f, b);
  }

  /** Outputs [n][2H] of a sentence whose token t has projected row {@code rows[t]}. */
  float[][] run(Projection projection, int[] rows, int n) {
    float[][] out = new float[n][size()];
    forward.run(projection.forward, rows, n, false, out, 0);
    backward.run(projection.backward, rows, n, true, out, forward.hidden);
    return out;
  }

  record Projection(float[][][] forward, float[][][] backward) {}
}
