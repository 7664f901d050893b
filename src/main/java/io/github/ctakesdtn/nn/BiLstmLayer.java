package io.github.ctakesdtn.nn;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** A BiLSTM: a forward LSTM and one over the reversed sequence, outputs concatenated [forward; backward]. */
public final class BiLstmLayer implements SequenceLayer {
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
   * The word embedding's share of each direction's input projection (two thirds of its arithmetic)
   * is computed once per vocabulary word, when a sentence first uses the word, and kept; a batch
   * then projects only the character features, once per distinct word, and each sentence runs its
   * recurrence over its rows.
   */
  @Override
  public Encoder inference(float[][] wordEmbedding, GateObserver gates) {
    int wordDims = wordEmbedding.length == 0 ? 0 : wordEmbedding[0].length;
    float[][] forwardBias = forward.bias();
    float[][] backwardBias = backward.bias();
    // Filled as words are met; a race computes the same value twice, never a torn one.
    AtomicReferenceArray<float[][][]> byWord = new AtomicReferenceArray<>(wordEmbedding.length);
    return (wordIds, charFeatures) -> {
      int rows = wordIds.length;
      float[][][] f = new float[rows][][];
      float[][][] b = new float[rows][][];
      for (int r = 0; r < rows; r++) {
        float[][][] word = byWord.get(wordIds[r]);
        if (word == null) {
          float[] embedding = wordEmbedding[wordIds[r]];
          word = new float[][][] {
              forward.project(forwardBias, embedding, 0, 0, wordDims),
              backward.project(backwardBias, embedding, 0, 0, wordDims)};
          byWord.set(wordIds[r], word);
        }
        int k = charFeatures[r].length;
        f[r] = forward.project(word[0], charFeatures[r], 0, wordDims, k);
        b[r] = backward.project(word[1], charFeatures[r], 0, wordDims, k);
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
