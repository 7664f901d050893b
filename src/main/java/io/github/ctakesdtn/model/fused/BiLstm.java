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

  int in() {
    return forward.in;
  }

  int size() {
    return 2 * forward.hidden;
  }

  /** Projected inputs [rows, 8H] (forward gates, then backward gates) of feature rows [rows, in]. */
  float[] project(float[] features, int rows) {
    int stride = 2 * forward.gates();
    float[] proj = new float[rows * stride];
    for (int r = 0; r < rows; r++) {
      forward.project(features, r * forward.in, proj, r * stride);
      backward.project(features, r * forward.in, proj, r * stride + forward.gates());
    }
    return proj;
  }

  /** Outputs [n, 2H] of a sentence whose token t has projected row {@code rows[t]}. */
  float[] run(float[] proj, int[] rows, int n) {
    int stride = 2 * forward.gates();
    float[] out = new float[n * size()];
    forward.run(proj, stride, 0, rows, n, false, out, size(), 0);
    backward.run(proj, stride, forward.gates(), rows, n, true, out, size(), forward.hidden);
    return out;
  }
}
