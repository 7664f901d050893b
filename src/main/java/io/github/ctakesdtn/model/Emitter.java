package io.github.ctakesdtn.model;

import io.github.ctakesdtn.nn.CharLayer;
import io.github.ctakesdtn.nn.RowLayer;
import io.github.ctakesdtn.nn.SequenceLayer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A task's path through the network in its tagging form: emission scores of tokenized sentences,
 * each distinct word of a batch encoded and projected once, keeping no trace. Safe to share
 * between threads; every call allocates its own work arrays. Built from the parameters' values at
 * the time, so a new one is needed after training changes them.
 */
public final class Emitter {
  private final Vocabulary words;
  private final int[] charIndex;
  private final int maxWordLength;
  private final CharLayer.Encoder chars;
  private final SequenceLayer.Encoder wordEncoder;
  private final RowLayer.Function output;

  Emitter(Vocabulary words, int[] charIndex, int maxWordLength, CharLayer.Encoder chars,
      SequenceLayer.Encoder wordEncoder, RowLayer.Function output) {
    this.words = words;
    this.charIndex = charIndex;
    this.maxWordLength = maxWordLength;
    this.chars = chars;
    this.wordEncoder = wordEncoder;
    this.output = output;
  }

  /** Emission scores [sentence][token][tag] of non-empty tokenized sentences. */
  public double[][][] emissions(List<List<String>> sentences) {
    Map<String, Integer> distinct = new HashMap<>();
    int[][] rows = new int[sentences.size()][];
    for (int s = 0; s < sentences.size(); s++) {
      List<String> sentence = sentences.get(s);
      rows[s] = new int[sentence.size()];
      for (int t = 0; t < sentence.size(); t++) {
        Integer row = distinct.putIfAbsent(sentence.get(t), distinct.size());
        rows[s][t] = row == null ? distinct.size() - 1 : row;
      }
    }
    int[] wordIds = new int[distinct.size()];
    float[][] charFeatures = new float[distinct.size()][];
    int[] charIds = new int[maxWordLength];
    for (Map.Entry<String, Integer> entry : distinct.entrySet()) {
      String word = entry.getKey();
      wordIds[entry.getValue()] = words.index(WordForms.key(word));
      int n = Network.charIds(word, charIndex, maxWordLength, charIds);
      charFeatures[entry.getValue()] = chars.encode(charIds, n);
    }
    SequenceLayer.Projected projected = wordEncoder.project(wordIds, charFeatures);
    double[][][] emissions = new double[sentences.size()][][];
    for (int s = 0; s < sentences.size(); s++) {
      float[][] h = projected.run(rows[s], rows[s].length);
      emissions[s] = new double[h.length][];
      for (int t = 0; t < h.length; t++) {
        float[] scores = output.apply(h[t]);
        emissions[s][t] = new double[scores.length];
        for (int j = 0; j < scores.length; j++) {
          emissions[s][t][j] = scores[j];
        }
      }
    }
    return emissions;
  }
}
