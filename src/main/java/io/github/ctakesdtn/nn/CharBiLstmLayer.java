package io.github.ctakesdtn.nn;

import java.util.Arrays;

/**
 * A character embedding (tensor {@code embedding.W}) and two LSTMs, one over the characters and
 * one over them reversed, each giving its last output: features [forward last; backward last]
 * (Lample et al. 2016).
 */
public final class CharBiLstmLayer implements CharLayer {
  private final Param embedding;
  private final LstmLayer forward;
  private final LstmLayer backward;

  /** Layers {@code prefix.embedding}, {@code prefix.forward} and {@code prefix.backward}. */
  public CharBiLstmLayer(Params params, String prefix, int characters, int dims, int hidden) {
    this.embedding = params.add(Param.matrix(Tensor.of(prefix + ".embedding", "W", characters, dims), characters, dims,
        Param.Init.xavier(1, dims)));
    this.forward = new LstmLayer(params, prefix + ".forward", dims, hidden);
    this.backward = new LstmLayer(params, prefix + ".backward", dims, hidden);
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

  /** Each character's projected input, per direction, is computed once. */
  @Override
  public Encoder inference(GateObserver gates) {
    int characters = embedding.value.length;
    float[][][] forwardInputs = new float[characters][][];
    float[][][] backwardInputs = new float[characters][][];
    for (int ch = 0; ch < characters; ch++) {
      forwardInputs[ch] = forward.project(forward.bias(), embedding.value[ch], 0, 0, forward.in);
      backwardInputs[ch] = backward.project(backward.bias(), embedding.value[ch], 0, 0, backward.in);
    }
    int h = forward.hidden;
    return (chars, n) -> {
      float[][] states = new float[n][h];
      float[] features = new float[2 * h];
      forward.run(forwardInputs, chars, n, false, states, 0);
      System.arraycopy(states[n - 1], 0, features, 0, h);
      backward.run(backwardInputs, chars, n, true, states, 0);
      System.arraycopy(states[0], 0, features, h, h);
      return features;
    };
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
    return new BiTrace(Arrays.copyOf(chars, n), f, b, features);
  }

  @Override
  public void backward(Trace trace, float[] dFeatures, Gradients grads) {
    BiTrace t = (BiTrace) trace;
    int n = t.chars.length;
    int h = forward.hidden;
    float[][] dx = new float[n][forward.in];
    float[][] dh = new float[n][];
    dh[n - 1] = Arrays.copyOfRange(dFeatures, 0, h);
    forward.backward(t.forward, dh, dx, grads);
    dh[n - 1] = null;
    dh[0] = Arrays.copyOfRange(dFeatures, h, 2 * h);
    backward.backward(t.backward, dh, dx, grads);
    float[][] dEmbedding = grads.of(embedding);
    for (int p = 0; p < n; p++) {
      Kernels.add(dx[p], dEmbedding[t.chars[p]]);
    }
  }
}
