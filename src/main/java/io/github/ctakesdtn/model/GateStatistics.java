package io.github.ctakesdtn.model;

import io.github.ctakesdtn.nn.GateObserver;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The learned sharing scheme of a DTN model: for each parameter group, the mean and spread of the
 * target task's gate values (1 = all shared, 0 = all private) as it tags some sentences: per token
 * for the word BiLSTM and the emissions, per word form for the character encoder (the tagging form
 * encodes each form once).
 */
public final class GateStatistics {
  /** Mean and standard deviation of gate values, over {@code count} values. */
  public record Stat(double mean, double std, long count) {}

  private GateStatistics() {}

  /** Per group (chars, words, emissions), for a model whose network has DTN gates; empty otherwise. */
  public static Map<String, Stat> of(TaggerModel model, List<List<String>> sentences) {
    Map<String, double[]> sums = new TreeMap<>();
    observe(model, sentences, (group, values) -> {
      double[] sum = sums.computeIfAbsent(group, g -> new double[3]);
      for (float v : values) {
        sum[0] += v;
        sum[1] += (double) v * v;
        sum[2]++;
      }
    });
    Map<String, Stat> stats = new TreeMap<>();
    sums.forEach((group, s) -> {
      double mean = s[0] / s[2];
      stats.put(group, new Stat(mean, Math.sqrt(Math.max(0, s[1] / s[2] - mean * mean)), (long) s[2]));
    });
    return stats;
  }

  /**
   * Per group, how many gate values fall in each of {@code bins} equal parts of [0, 1] (the last part
   * includes 1): the whole distribution behind {@link #of}'s mean.
   */
  public static Map<String, long[]> histograms(TaggerModel model, List<List<String>> sentences, int bins) {
    Map<String, long[]> histograms = new TreeMap<>();
    observe(model, sentences, (group, values) -> {
      long[] counts = histograms.computeIfAbsent(group, g -> new long[bins]);
      for (float v : values) {
        counts[Math.min(bins - 1, Math.max(0, (int) (v * bins)))]++;
      }
    });
    return histograms;
  }

  private static void observe(TaggerModel model, List<List<String>> sentences, GateObserver observer) {
    List<List<String>> nonEmpty = sentences.stream().filter(sentence -> !sentence.isEmpty()).toList();
    model.network().emitter(Task.TARGET, model.words(), observer).emissions(nonEmpty);
  }
}
