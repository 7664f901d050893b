package io.github.ctakesdtn.nn;

import java.util.List;

/**
 * A character language model reading text in one direction (Akbik et al. 2018): a character
 * embedding, an LSTM, and a softmax over the next character. Its LSTM states are what a tagger
 * reads as contextual embeddings; training it needs only unannotated text. Tensors
 * {@code prefix.embedding.W}, {@code prefix.lstm.*}, {@code prefix.output.*}.
 *
 * <p>Characters are their ASCII codes; every other character shares one id, so the model needs no
 * vocabulary of its own and reads any text.
 */
public final class CharLanguageModel {
  /** ASCII codes 0-127, and one id for every other character. */
  public static final int CHARS = 129;
  /** Size of a character's embedding. */
  public static final int EMBEDDING = 32;

  private final Param embedding;
  private final LstmLayer lstm;
  private final DenseLayer output;
  private final List<Param> params;
  /** Each character's projection onto the LSTM's gates [CHARS][4][H], from the current values. */
  private float[][][] projected;

  public CharLanguageModel(Params params, String prefix, int hidden) {
    int mark = params.size();
    this.embedding = params.add(Param.matrix(Tensor.of(prefix + ".embedding", "W", CHARS, EMBEDDING), CHARS,
        EMBEDDING, Param.Init.xavier(1, EMBEDDING)));
    this.lstm = new LstmLayer(params, prefix + ".lstm", EMBEDDING, hidden);
    this.output = new DenseLayer(params, prefix + ".output", hidden, CHARS);
    this.params = params.since(mark);
  }

  public static int id(char c) {
    return c < 128 ? c : 128;
  }

  public int hidden() {
    return lstm.hidden;
  }

  /** The parameters of this model (none of the tagger's). */
  public List<Param> params() {
    return params;
  }

  /** Call after the parameters change. */
  public void refresh() {
    lstm.refresh();
    output.refresh();
    float[][] bias = lstm.bias();
    projected = new float[CHARS][][];
    for (int c = 0; c < CHARS; c++) {
      projected[c] = lstm.project(bias, embedding.value[c], 0, 0, EMBEDDING);
    }
  }

  /** The LSTM's state after reading each character of {@code text} [length][hidden]; keeps nothing. */
  public float[][] states(CharSequence text) {
    int n = text.length();
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = id(text.charAt(i));
    }
    float[][] out = new float[n][hidden()];
    lstm.run(projected, ids, n, false, out, 0);
    return out;
  }

  /**
   * Adds to {@code grads} the gradient of the summed cross-entropy of predicting each character
   * of {@code text} from those before it, and returns that sum (in nats, over length - 1 predictions).
   */
  public double accumulate(CharSequence text, Gradients grads) {
    int n = text.length() - 1;
    if (n < 1) {
      return 0;
    }
    float[][] x = new float[n][];
    for (int t = 0; t < n; t++) {
      x[t] = embedding.value[id(text.charAt(t))];
    }
    LstmLayer.Trace trace = lstm.forward(x, false);
    float[][] dh = new float[n][];
    double loss = 0;
    for (int t = 0; t < n; t++) {
      RowLayer.Trace scores = output.forward(trace.h[t]);
      float[] dy = softmax(scores.output());
      int next = id(text.charAt(t + 1));
      loss -= Math.log(Math.max(dy[next], 1e-30f));
      dy[next] -= 1f;
      dh[t] = new float[hidden()];
      output.backward(scores, dy, dh[t], grads);
    }
    float[][] dx = new float[n][EMBEDDING];
    lstm.backward(trace, dh, dx, grads);
    float[][] dEmbedding = grads.of(embedding);
    for (int t = 0; t < n; t++) {
      Kernels.add(dx[t], dEmbedding[id(text.charAt(t))]);
    }
    return loss;
  }

  private static float[] softmax(float[] scores) {
    float max = Float.NEGATIVE_INFINITY;
    for (float s : scores) {
      max = Math.max(max, s);
    }
    float[] p = new float[scores.length];
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      p[i] = (float) Math.exp(scores[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= (float) sum;
    }
    return p;
  }
}
