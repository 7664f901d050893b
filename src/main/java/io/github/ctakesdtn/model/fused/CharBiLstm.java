package io.github.ctakesdtn.model.fused;

/**
 * DL4J's character embedding and two LSTMs, one over the characters and one over them reversed,
 * each giving its last output: [forward last; backward last]. Each character's projected input is
 * computed once when the model loads.
 */
final class CharBiLstm implements CharEncoder {
  private final Lstm forward;
  private final Lstm backward;
  /** Each character's projected input, per direction. */
  private final float[][][] forwardInputs;
  private final float[][][] backwardInputs;

  CharBiLstm(float[] embedding, int dims, Lstm forward, Lstm backward) {
    this.forward = forward;
    this.backward = backward;
    int characters = embedding.length / dims;
    forwardInputs = new float[characters][][];
    backwardInputs = new float[characters][][];
    for (int ch = 0; ch < characters; ch++) {
      forwardInputs[ch] = forward.project(embedding, ch * dims);
      backwardInputs[ch] = backward.project(embedding, ch * dims);
    }
  }

  @Override
  public int size() {
    return 2 * forward.hidden;
  }

  @Override
  public float[] encode(int[] chars, int n) {
    int h = forward.hidden;
    float[][] states = new float[n][h];
    float[] features = new float[2 * h];
    forward.run(forwardInputs, chars, n, false, states, 0);
    System.arraycopy(states[n - 1], 0, features, 0, h);
    backward.run(backwardInputs, chars, n, true, states, 0);
    System.arraycopy(states[0], 0, features, h, h);
    return features;
  }
}
