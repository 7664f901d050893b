package io.github.ctakesdtn.model;

import io.github.ctakesdtn.nn.CharLayer;
import io.github.ctakesdtn.nn.RowLayer;
import io.github.ctakesdtn.nn.SequenceLayer;
import io.github.ctakesdtn.nn.WordInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A task's path through the network in its tagging form: emission scores of tokenized sentences,
 * each word form encoded and projected once (and kept, up to a bound), keeping no trace. Safe to
 * share between threads; every call allocates its own work arrays. Built from the parameters' values at
 * the time, so a new one is needed after training changes them.
 */
public final class Emitter {
  /** Word forms kept with their inputs; beyond this many, new forms are computed each time they come. */
  private static final int MAX_FORMS = 20_000;

  private final Vocabulary words;
  private final int[] charIndex;
  private final int maxWordLength;
  private final Function<String, float[]> shapeFeatures;
  /** A sentence's contextual embeddings ({@link CharContext}); null without them. */
  private final Function<List<String>, float[][]> context;
  private final CharLayer.Encoder chars;
  private final SequenceLayer.Encoder wordEncoder;
  private final RowLayer.Function output;
  private final Map<String, WordInput> forms = new ConcurrentHashMap<>();

  Emitter(Vocabulary words, int[] charIndex, int maxWordLength, Function<String, float[]> shapeFeatures,
      Function<List<String>, float[][]> context, CharLayer.Encoder chars, SequenceLayer.Encoder wordEncoder,
      RowLayer.Function output) {
    this.words = words;
    this.charIndex = charIndex;
    this.maxWordLength = maxWordLength;
    this.shapeFeatures = shapeFeatures;
    this.context = context;
    this.chars = chars;
    this.wordEncoder = wordEncoder;
    this.output = output;
  }

  /** Emission scores [sentence][token][tag] of non-empty tokenized sentences. */
  public double[][][] emissions(List<List<String>> sentences) {
    Map<String, Integer> distinct = new HashMap<>();
    List<WordInput> inputs = new ArrayList<>();
    int[][] rows = new int[sentences.size()][];
    for (int s = 0; s < sentences.size(); s++) {
      List<String> sentence = sentences.get(s);
      rows[s] = new int[sentence.size()];
      if (context != null) {
        addInContext(sentence, inputs, rows[s]);
        continue;
      }
      for (int t = 0; t < sentence.size(); t++) {
        String word = sentence.get(t);
        Integer row = distinct.get(word);
        if (row == null) {
          row = inputs.size();
          distinct.put(word, row);
          inputs.add(input(word));
        }
        rows[s][t] = row;
      }
    }
    SequenceLayer.Projected projected = wordEncoder.project(inputs.toArray(WordInput[]::new));
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

  /**
   * With contextual embeddings every token is an input of its own: its form's features followed by
   * its embedding in this sentence.
   */
  private void addInContext(List<String> sentence, List<WordInput> inputs, int[] rows) {
    float[][] embedded = context.apply(sentence);
    for (int t = 0; t < sentence.size(); t++) {
      WordInput form = input(sentence.get(t));
      float[] features = Arrays.copyOf(form.charFeatures(), form.charFeatures().length + embedded[t].length);
      System.arraycopy(embedded[t], 0, features, form.charFeatures().length, embedded[t].length);
      rows[t] = inputs.size();
      inputs.add(new WordInput(form.wordId(), features, false));
    }
  }

  /**
   * One {@link WordInput} per word form (up to {@link #MAX_FORMS} of them), so that the
   * character encoder runs once per form and the word encoder can keep what it computes from it.
   */
  private WordInput input(String word) {
    WordInput input = forms.get(word);
    if (input == null) {
      int[] charIds = new int[maxWordLength];
      int n = Network.charIds(word, charIndex, maxWordLength, charIds);
      input = new WordInput(words.index(WordForms.key(word)), formFeatures(chars.encode(charIds, n), word), true);
      if (forms.size() < MAX_FORMS) {
        WordInput known = forms.putIfAbsent(word, input);
        input = known != null ? known : input;
      }
    }
    return input;
  }

  /** The character encoder's features followed by the word-shape features, if the network has them. */
  private float[] formFeatures(float[] charFeatures, String word) {
    float[] shape = shapeFeatures.apply(word);
    if (shape.length == 0) {
      return charFeatures;
    }
    float[] both = Arrays.copyOf(charFeatures, charFeatures.length + shape.length);
    System.arraycopy(shape, 0, both, charFeatures.length, shape.length);
    return both;
  }
}
