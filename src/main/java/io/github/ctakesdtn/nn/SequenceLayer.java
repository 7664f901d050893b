package io.github.ctakesdtn.nn;

/**
 * A layer over a sentence's rows (the W group): outputs [n][size] from inputs [n][in], each input
 * row a word embedding followed by the word's character features.
 */
public interface SequenceLayer {
  int size();

  Trace forward(float[][] x);

  /** Adds the parameters' gradients, and the inputs' into {@code dx}, for output gradients {@code dh}. */
  void backward(Trace trace, float[][] dh, float[][] dx, Gradients grads);

  /** Call after the parameters change. */
  void refresh();

  /** The trace-free form for tagging over the given word-embedding table [vocabulary][dims]. */
  Encoder inference(float[][] wordEmbedding, GateObserver gates);

  interface Trace {
    float[][] output();
  }

  /** Safe to call from several threads. */
  interface Encoder {
    /** Prepares distinct words for {@link Projected#run}. */
    Projected project(WordInput[] words);
  }

  interface Projected {
    /** Output rows of a sentence whose token t is distinct-word row {@code tokenRows[t]}. */
    float[][] run(int[] tokenRows, int n);
  }
}
