package io.github.ctakesdtn.model;

/**
 * The shape of the tagger network (Lample et al. 2016 sizes by default): a character encoder per
 * word, a word embedding, a word-level BiLSTM and per-token emission scores for a CRF.
 *
 * @param charEncoder {@code cnn} (Ma and Hovy 2016) or {@code lstm} (a character BiLSTM)
 * @param charEmbedding size of a character's embedding
 * @param charHidden CNN filters, or LSTM units per direction
 * @param cnnWidth CNN window in characters
 * @param wordEmbedding size of a word's embedding
 * @param wordHidden word LSTM units per direction
 * @param dropout probability of dropping an input of the word BiLSTM and of the emission layer
 * @param maxWordLength characters kept per word (longer words keep their first characters)
 * @param shapeEmbedding size of each {@link WordShape} feature's embedding (casing, prefix, suffix),
 *     which joins the word's input to the word BiLSTM; 0 for none (models before it had none)
 * @param contextHidden LSTM units of each of the two character language models whose states join
 *     each token's input to the word BiLSTM as contextual embeddings ({@link CharContext}); 0 for
 *     none (models before them had none)
 */
public record NetworkConfig(
    String charEncoder,
    int charEmbedding,
    int charHidden,
    int cnnWidth,
    int wordEmbedding,
    int wordHidden,
    double dropout,
    int maxWordLength,
    int wordVocabularySize,
    int charVocabularySize,
    int tagCount,
    int shapeEmbedding,
    int contextHidden) {

  public static final String CNN = "cnn";
  public static final String LSTM = "lstm";

  public NetworkConfig {
    if (!charEncoder.equals(CNN) && !charEncoder.equals(LSTM)) {
      throw new IllegalArgumentException("character encoder must be cnn or lstm, not " + charEncoder);
    }
    for (int size : new int[] {charEmbedding, charHidden, cnnWidth, wordEmbedding, wordHidden, maxWordLength}) {
      if (size < 1) {
        throw new IllegalArgumentException("every layer size must be positive, got " + size);
      }
    }
    // Zero until the data fills them in (see withSizes).
    if (wordVocabularySize < 0 || charVocabularySize < 0 || tagCount < 0) {
      throw new IllegalArgumentException("vocabulary and tag counts cannot be negative");
    }
    if (shapeEmbedding < 0) {
      throw new IllegalArgumentException("the word-shape embedding size cannot be negative, got " + shapeEmbedding);
    }
    if (contextHidden < 0) {
      throw new IllegalArgumentException("the character language models' size cannot be negative, got "
          + contextHidden);
    }
    if (dropout < 0 || dropout >= 1) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
  }

  /** A shape without contextual embeddings. */
  public NetworkConfig(String charEncoder, int charEmbedding, int charHidden, int cnnWidth, int wordEmbedding,
      int wordHidden, double dropout, int maxWordLength, int wordVocabularySize, int charVocabularySize, int tagCount,
      int shapeEmbedding) {
    this(charEncoder, charEmbedding, charHidden, cnnWidth, wordEmbedding, wordHidden, dropout, maxWordLength,
        wordVocabularySize, charVocabularySize, tagCount, shapeEmbedding, 0);
  }

  /** A shape without word-shape features or contextual embeddings. */
  public NetworkConfig(String charEncoder, int charEmbedding, int charHidden, int cnnWidth, int wordEmbedding,
      int wordHidden, double dropout, int maxWordLength, int wordVocabularySize, int charVocabularySize, int tagCount) {
    this(charEncoder, charEmbedding, charHidden, cnnWidth, wordEmbedding, wordHidden, dropout, maxWordLength,
        wordVocabularySize, charVocabularySize, tagCount, 0, 0);
  }

  /** Lample et al. (2016) sizes with a character CNN (Ma and Hovy 2016), for the given vocabularies and tags. */
  public static NetworkConfig defaults(int wordVocabularySize, int charVocabularySize, int tagCount) {
    return new NetworkConfig(CNN, 25, 50, 3, 100, 100, 0.5, 25, wordVocabularySize, charVocabularySize, tagCount);
  }

  /** The same shape for other vocabulary and tag-set sizes. */
  public NetworkConfig withSizes(int words, int chars, int tags) {
    return new NetworkConfig(charEncoder, charEmbedding, charHidden, cnnWidth, wordEmbedding, wordHidden, dropout,
        maxWordLength, words, chars, tags, shapeEmbedding, contextHidden);
  }

  /** The same shape with a word embedding of another size (that of pre-trained vectors). */
  public NetworkConfig withWordEmbedding(int size) {
    return new NetworkConfig(charEncoder, charEmbedding, charHidden, cnnWidth, size, wordHidden, dropout,
        maxWordLength, wordVocabularySize, charVocabularySize, tagCount, shapeEmbedding, contextHidden);
  }

  /** The same shape with word-shape embeddings of this size (0: none). */
  public NetworkConfig withShapeEmbedding(int size) {
    return new NetworkConfig(charEncoder, charEmbedding, charHidden, cnnWidth, wordEmbedding, wordHidden, dropout,
        maxWordLength, wordVocabularySize, charVocabularySize, tagCount, size, contextHidden);
  }

  /** The same shape with character language models of this size (0: none). */
  public NetworkConfig withContextHidden(int size) {
    return new NetworkConfig(charEncoder, charEmbedding, charHidden, cnnWidth, wordEmbedding, wordHidden, dropout,
        maxWordLength, wordVocabularySize, charVocabularySize, tagCount, shapeEmbedding, size);
  }

  /** Values the contextual embeddings add to a token's input to the word BiLSTM. */
  public int contextFeatures() {
    return 2 * contextHidden;
  }

  /** Values the word shape adds to a word's input to the word BiLSTM. */
  public int shapeFeatures() {
    return WordShape.FEATURES * shapeEmbedding;
  }

  public int charFeatures() {
    return charEncoder.equals(CNN) ? charHidden : 2 * charHidden;
  }
}
