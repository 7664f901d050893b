package io.github.ctakesdtn.model;

import java.util.List;
import java.util.function.Predicate;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A batch of tokenized sentences as network inputs and masks: word indices [B, T], character
 * indices [T*B, C] (row {@code t * B + b}), and their masks. Padded word positions get one
 * unmasked padding character, so no row of the character encoder is empty (a max over nothing
 * would be minus infinity).
 */
public final class EncodedBatch {
  private final int batchSize;
  private final int maxLength;
  private final int[] lengths;
  private final INDArray[] inputs;
  private final INDArray[] masks;

  public EncodedBatch(List<List<String>> sentences, Vocabulary words, Vocabulary chars, int maxWordLength,
      DataType dataType) {
    this(sentences, words, chars, maxWordLength, dataType, key -> false);
  }

  /**
   * @param showAsUnknown word keys to look up as the unknown word this time (training's word
   *     dropout); the character encoder still sees the word
   */
  public EncodedBatch(List<List<String>> sentences, Vocabulary words, Vocabulary chars, int maxWordLength,
      DataType dataType, Predicate<String> showAsUnknown) {
    batchSize = sentences.size();
    lengths = sentences.stream().mapToInt(List::size).toArray();
    int t = 1;
    int c = 1;
    for (List<String> sentence : sentences) {
      t = Math.max(t, sentence.size());
      for (String word : sentence) {
        c = Math.max(c, Math.min(maxWordLength, word.length()));
      }
    }
    maxLength = t;
    int maxChars = c;
    float[] wordIndices = new float[batchSize * maxLength];
    float[] wordMask = new float[batchSize * maxLength];
    float[] charIndices = new float[maxLength * batchSize * maxChars];
    float[] charMask = new float[maxLength * batchSize * maxChars];
    for (int b = 0; b < batchSize; b++) {
      List<String> sentence = sentences.get(b);
      for (int i = 0; i < maxLength; i++) {
        int row = i * batchSize + b;
        if (i >= sentence.size()) {
          charMask[row * maxChars] = 1;
          continue;
        }
        String word = sentence.get(i);
        String key = WordForms.key(word);
        wordIndices[b * maxLength + i] = showAsUnknown.test(key) ? Vocabulary.UNKNOWN : words.index(key);
        wordMask[b * maxLength + i] = 1;
        int n = Math.min(maxWordLength, word.length());
        for (int k = 0; k < n; k++) {
          charIndices[row * maxChars + k] = chars.index(String.valueOf(word.charAt(k)));
          charMask[row * maxChars + k] = 1;
        }
      }
    }
    inputs = new INDArray[] {
        Nd4j.create(wordIndices, new long[] {batchSize, maxLength}, 'c').castTo(dataType),
        Nd4j.create(charIndices, new long[] {(long) maxLength * batchSize, maxChars}, 'c').castTo(dataType)};
    masks = new INDArray[] {
        Nd4j.create(wordMask, new long[] {batchSize, maxLength}, 'c').castTo(dataType),
        Nd4j.create(charMask, new long[] {(long) maxLength * batchSize, maxChars}, 'c').castTo(dataType)};
  }

  public int batchSize() {
    return batchSize;
  }

  public int maxLength() {
    return maxLength;
  }

  public int length(int sentence) {
    return lengths[sentence];
  }

  public INDArray[] inputs() {
    return inputs;
  }

  public INDArray[] masks() {
    return masks;
  }

  /** Row of sentence {@code b}'s token {@code t} in the emissions (and character input). */
  public int row(int b, int t) {
    return t * batchSize + b;
  }
}
