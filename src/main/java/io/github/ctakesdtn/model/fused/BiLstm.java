package io.github.ctakesdtn.model.fused;

/**
 * A word-level BiLSTM over [word embedding; character features] inputs: a forward LSTM and a
 * backward one (DL4J's reverse-LSTM-reverse), outputs concatenated [forward; backward]. The word
 * embedding's share of each direction's input projection is computed for the whole vocabulary when
 * the model loads (two thirds of the projection's arithmetic, for 4 * 2H floats per word); a batch
 * then projects only the character features, once per distinct word, and each sentence runs its
 * recurrence over its rows.
 */
final class BiLstm {
  private final Lstm forward;
  private final Lstm backward;
  private final int wordDims;
  private final float[][][] forwardByWord;
  private final float[][][] backwardByWord;

  /** @param wordEmbedding the word embedding table [vocabulary, wordDims], row-major */
  BiLstm(Lstm forward, Lstm backward, float[] wordEmbedding, int wordDims) {
    if (forward.in != backward.in || forward.hidden != backward.hidden) {
      throw new IllegalArgumentException("the two directions of a BiLSTM differ in shape");
    }
    this.forward = forward;
    this.backward = backward;
    this.wordDims = wordDims;
    int vocabulary = wordEmbedding.length / wordDims;
    forwardByWord = new float[vocabulary][][];
    backwardByWord = new float[vocabulary][][];
    for (int id = 0; id < vocabulary; id++) {
      forwardByWord[id] = forward.project(forward.bias(), wordEmbedding, id * wordDims, 0, wordDims);
      backwardByWord[id] = backward.project(backward.bias(), wordEmbedding, id * wordDims, 0, wordDims);
    }
  }

  int size() {
    return 2 * forward.hidden;
  }

  /** The projected inputs of each direction for distinct words: their vocabulary ids and character features. */
  Projection project(int[] wordIds, float[][] charFeatures) {
    int rows = wordIds.length;
    float[][][] f = new float[rows][][];
    float[][][] b = new float[rows][][];
    for (int r = 0; r < rows; r++) {
      int k = charFeatures[r].length;
      f[r] = forward.project(forwardByWord[wordIds[r]], charFeatures[r], 0, wordDims, k);
      b[r] = backward.project(backwardByWord[wordIds[r]], charFeatures[r], 0, wordDims, k);
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
