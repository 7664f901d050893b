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
    GateObserver observer = (group, values) -> {
      double[] sum = sums.computeIfAbsent(group, g -> new double[3]);
      for (float v : values) {
        sum[0] += v;
        sum[1] += (double) v * v;
        sum[2]++;
      }
    };
    List<List<String>> nonEmpty = sentences.stream().filter(sentence -> !sentence.isEmpty()).toList();
    model.network().emitter(Task.TARGET, model.words(), observer).emissions(nonEmpty);
    Map<String, Stat> stats = new TreeMap<>();
    sums.forEach((group, s) -> {
      double mean = s[0] / s[2];
      stats.put(group, new Stat(mean, Math.sqrt(Math.max(0, s[1] / s[2] - mean * mean)), (long) s[2]));
    });
    return stats;
  }
}
