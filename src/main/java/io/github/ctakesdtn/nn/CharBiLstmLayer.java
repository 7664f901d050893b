package io.github.ctakesdtn.nn;

/**
 * DL4J's character embedding and two LSTMs (one over the characters, one over them reversed),
 * each giving its last output, for training: features [forward last; backward last].
 */
public final class CharBiLstmLayer implements CharLayer {
  private final Param embedding;
  private final LstmLayer forward;
  private final LstmLayer backward;

  public CharBiLstmLayer(Params params, String prefix, int characters, int dims, int hidden) {
    this.embedding = params.add(Param.matrix(prefix + "charEmbedding", "W", characters, dims));
    this.forward = new LstmLayer(params, prefix + "charForward", dims, hidden);
    this.backward = new LstmLayer(params, prefix + "charBackward", dims, hidden);
  }

  @Override
  public int size() {
    return 2 * forward.hidden;
  }

  @Override
  public void refresh() {
    forward.refresh();
    backward.refresh();
  }

  private record BiTrace(int[] chars, LstmLayer.Trace forward, LstmLayer.Trace backward, float[] features)
      implements Trace {}

  @Override
  public Trace forward(int[] chars, int n) {
    float[][] x = new float[n][];
    for (int p = 0; p < n; p++) {
      x[p] = embedding.value[chars[p]];
    }
    LstmLayer.Trace f = forward.forward(x, false);
    LstmLayer.Trace b = backward.forward(x, true);
    int h = forward.hidden;
    float[] features = new float[2 * h];
    System.arraycopy(f.h[n - 1], 0, features, 0, h);
    System.arraycopy(b.h[0], 0, features, h, h);
    return new BiTrace(java.util.Arrays.copyOf(chars, n), f, b, features);
  }

  @Override
  public void backward(Trace trace, float[] dFeatures, Gradients grads) {
    BiTrace t = (BiTrace) trace;
    int n = t.chars.length;
    int h = forward.hidden;
    float[][] dx = new float[n][forward.in];
    float[][] dh = new float[n][];
    dh[n - 1] = java.util.Arrays.copyOfRange(dFeatures, 0, h);
    forward.backward(t.forward, dh, dx, grads);
    dh[n - 1] = null;
    dh[0] = java.util.Arrays.copyOfRange(dFeatures, h, 2 * h);
    backward.backward(t.backward, dh, dx, grads);
    float[][] dEmbedding = grads.of(embedding);
    for (int p = 0; p < n; p++) {
      Kernels.add(dx[p], dEmbedding[t.chars[p]]);
    }
  }
}
