package io.github.ctakesdtn.vectors;

/**
 * How word vectors are trained (skip-gram with negative sampling, Mikolov et al. 2013).
 *
 * @param dimension values per vector; the tagger's word embedding takes this size
 * @param window context words on each side
 * @param epochs passes over the text
 * @param minCount words seen fewer times get no vector (the tagger learns them, or treats them as unknown)
 * @param subsampling frequent words are skipped at random above this share of the text (word2vec's
 *     {@code -sample}; 0: never), which speeds training and lets rarer context count
 * @param seed seeds the initial vectors and the sampling
 * @param threads training threads; only one thread gives the same vectors on every run
 */
public record VectorSettings(int dimension, int window, int epochs, int minCount, double subsampling, long seed,
    int threads) {
  public VectorSettings {
    if (dimension < 1 || window < 1 || epochs < 1 || minCount < 1 || threads < 1) {
      throw new IllegalArgumentException("dimension, window, epochs, minimum count and threads must be at least 1");
    }
    if (subsampling < 0 || subsampling >= 1) {
      throw new IllegalArgumentException("subsampling must be in [0, 1), got " + subsampling);
    }
  }

  /**
   * The tagger's default word-embedding size (100), five passes, words seen at least twice,
   * subsampling above 1e-4 (measured on 1.3M tokens of PubMed text), one thread.
   */
  public static VectorSettings defaults() {
    return new VectorSettings(100, 5, 5, 2, 1e-4, 13, 1);
  }
}
