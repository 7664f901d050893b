package io.github.ctakesdtn.nn;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A BiLSTM: a forward LSTM and one over the reversed sequence, outputs concatenated [forward; backward]. */
public final class BiLstmLayer implements SequenceLayer {
  /** Word forms whose input projection the tagging form keeps. */
  static final int CACHED_FORMS = 20_000;

  private final LstmLayer forward;
  private final LstmLayer backward;

  /** Layers {@code prefix.forward} and {@code prefix.backward}. */
  public BiLstmLayer(Params params, String prefix, int in, int hidden) {
    this.forward = new LstmLayer(params, prefix + ".forward", in, hidden);
    this.backward = new LstmLayer(params, prefix + ".backward", in, hidden);
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

  /**
   * Each word form's input projection, both directions, is computed the first time a sentence uses
   * it and kept (up to {@link #CACHED_FORMS} forms, about 3 KB each at the default sizes): it is
   * about a third of the arithmetic per token when sentences come one at a time. Each sentence
   * then runs only its recurrence.
   */
  @Override
  public Encoder inference(float[][] wordEmbedding, GateObserver gates) {
    int wordDims = wordEmbedding.length == 0 ? 0 : wordEmbedding[0].length;
    float[][] forwardBias = forward.bias();
    float[][] backwardBias = backward.bias();
    Map<WordInput, float[][][]> projections = new ConcurrentHashMap<>();
    return words -> {
      float[][][] f = new float[words.length][][];
      float[][][] b = new float[words.length][][];
      for (int r = 0; r < words.length; r++) {
        WordInput word = words[r];
        float[][][] both = projections.get(word);
        if (both == null) {
          float[] embedding = wordEmbedding[word.wordId()];
          float[] chars = word.charFeatures();
          both = new float[][][] {
              forward.project(forward.project(forwardBias, embedding, 0, 0, wordDims), chars, 0, wordDims, chars.length),
              backward.project(backward.project(backwardBias, embedding, 0, 0, wordDims), chars, 0, wordDims,
                  chars.length)};
          if (word.reusable() && projections.size() < CACHED_FORMS) {
            projections.put(word, both);
          }
        }
        f[r] = both[0];
        b[r] = both[1];
      }
      return (tokenRows, n) -> {
        float[][] out = new float[n][size()];
        forward.run(f, tokenRows, n, false, out, 0);
        backward.run(b, tokenRows, n, true, out, forward.hidden);
        return out;
      };
    };
  }

  private record BiTrace(LstmLayer.Trace forward, LstmLayer.Trace backward, float[][] output) implements Trace {}

  @Override
  public Trace forward(float[][] x) {
    LstmLayer.Trace f = forward.forward(x, false);
    LstmLayer.Trace b = backward.forward(x, true);
    int h = forward.hidden;
    float[][] out = new float[x.length][2 * h];
    for (int t = 0; t < x.length; t++) {
      System.arraycopy(f.h[t], 0, out[t], 0, h);
      System.arraycopy(b.h[t], 0, out[t], h, h);
    }
    return new BiTrace(f, b, out);
  }

  @Override
  public void backward(Trace trace, float[][] dh, float[][] dx, Gradients grads) {
    BiTrace t = (BiTrace) trace;
    int h = forward.hidden;
    float[][] dForward = new float[dh.length][];
    float[][] dBackward = new float[dh.length][];
    for (int i = 0; i < dh.length; i++) {
      dForward[i] = Arrays.copyOfRange(dh[i], 0, h);
      dBackward[i] = Arrays.copyOfRange(dh[i], h, 2 * h);
    }
    forward.backward(t.forward, dForward, dx, grads);
    backward.backward(t.backward, dBackward, dx, grads);
  }
}
