package io.github.ctakesdtn.model.fused;

/**
 * DL4J's character embedding and two LSTMs, one over the characters and one over them reversed,
 * each giving its last output: [forward last; backward last]. Each character's projected input is
 * computed once when the model loads.
 */
final class CharBiLstm implements CharEncoder {
  private final Lstm forward;
  private final Lstm backward;
  /** [characters, 8H]: forward gates then backward gates of each character's embedding. */
  private final float[] projected;

  CharBiLstm(float[] embedding, int dims, Lstm forward, Lstm backward) {
    this.forward = forward;
    this.backward = backward;
    int characters = embedding.length / dims;
    int stride = 2 * forward.gates();
    projected = new float[characters * stride];
    for (int ch = 0; ch < characters; ch++) {
      forward.project(embedding, ch * dims, projected, ch * stride);
      backward.project(embedding, ch * dims, projected, ch * stride + forward.gates());
    }
  }

  @Override
  public int size() {
    return 2 * forward.hidden;
  }

  @Override
  public void encode(int[] chars, int n, float[] out, int o) {
    int h = forward.hidden;
    int stride = 2 * forward.gates();
    float[] states = new float[n * h];
    forward.run(projected, stride, 0, chars, n, false, states, h, 0);
    System.arraycopy(states, (n - 1) * h, out, o, h);
    backward.run(projected, stride, forward.gates(), chars, n, true, states, h, 0);
    System.arraycopy(states, 0, out, o + h, h);
  }
}
