package io.github.ctakesdtn.eval;

import io.github.ctakesdtn.corpus.Mention;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Sorts the mistakes of a tagger into four kinds and keeps the most frequent ones, for reports:
 * <ul>
 *   <li><b>wrong type</b>: a prediction overlaps a gold mention of another label (the same span or not);
 *   <li><b>wrong boundary</b>: a prediction overlaps a gold mention of its label without the same span;
 *   <li><b>spurious</b>: a prediction overlaps no gold mention;
 *   <li><b>missed</b>: a gold mention neither found exactly nor accounted for by one of the mistakes above.
 * </ul>
 * A prediction is judged once, by its first overlapping gold mention (the same label first), so wrong
 * type, wrong boundary and spurious add up to the exact-match false positives.
 */
public final class ErrorAnalysis {
  /** What went wrong. */
  public enum Kind { MISSED, SPURIOUS, WRONG_BOUNDARY, WRONG_TYPE }

  /**
   * One kind of mistake on one piece of text, and how often it was made: the gold side (empty for
   * spurious) and the predicted side (empty for missed).
   */
  public record Example(String goldText, String goldLabel, String predictedText, String predictedLabel, int count) {}

  /** Counts per kind and the most frequent examples of each, most frequent first. */
  public record Summary(Map<Kind, Integer> counts, Map<Kind, List<Example>> frequent) {
    public int count(Kind kind) {
      return counts.getOrDefault(kind, 0);
    }
  }

  private record Key(Kind kind, String goldText, String goldLabel, String predictedText, String predictedLabel) {}

  private final Map<Key, Integer> seen = new HashMap<>();

  /**
   * Adds one document's (or sentence's) mentions; {@code text} gives the text of a span
   * {@code [begin, end)} in the same offsets the mentions use.
   */
  public void add(Collection<Mention> goldMentions, Collection<Mention> predictedMentions,
      BiFunction<Integer, Integer, String> text) {
    Set<Mention> gold = new LinkedHashSet<>(goldMentions);
    Set<Mention> predicted = new LinkedHashSet<>(predictedMentions);
    Set<Mention> explained = new HashSet<>();
    for (Mention p : predicted) {
      if (gold.contains(p)) {
        explained.add(p);
        continue;
      }
      Mention sameLabel = null;
      Mention otherLabel = null;
      for (Mention g : gold) {
        if (g.overlaps(p)) {
          if (g.label().equals(p.label()) && sameLabel == null) {
            sameLabel = g;
          } else if (!g.label().equals(p.label()) && otherLabel == null) {
            otherLabel = g;
          }
        }
      }
      String predictedText = text.apply(p.begin(), p.end());
      if (sameLabel != null) {
        explained.add(sameLabel);
        count(new Key(Kind.WRONG_BOUNDARY, text.apply(sameLabel.begin(), sameLabel.end()), sameLabel.label(),
            predictedText, p.label()));
      } else if (otherLabel != null) {
        explained.add(otherLabel);
        count(new Key(Kind.WRONG_TYPE, text.apply(otherLabel.begin(), otherLabel.end()), otherLabel.label(),
            predictedText, p.label()));
      } else {
        count(new Key(Kind.SPURIOUS, "", "", predictedText, p.label()));
      }
    }
    for (Mention g : gold) {
      if (!explained.contains(g)) {
        count(new Key(Kind.MISSED, text.apply(g.begin(), g.end()), g.label(), "", ""));
      }
    }
  }

  private void count(Key key) {
    seen.merge(key, 1, Integer::sum);
  }

  /** Every kind's count, and up to {@code examples} of its most frequent mistakes (ties in text order). */
  public Summary summary(int examples) {
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    Map<Kind, List<Example>> frequent = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      counts.put(kind, 0);
      frequent.put(kind, new ArrayList<>());
    }
    seen.forEach((key, n) -> counts.merge(key.kind(), n, Integer::sum));
    seen.entrySet().stream()
        .sorted(Map.Entry.<Key, Integer>comparingByValue().reversed()
            .thenComparing(e -> e.getKey().goldText() + "\u0000" + e.getKey().predictedText())
            .thenComparing(e -> e.getKey().goldLabel() + "\u0000" + e.getKey().predictedLabel()))
        .forEach(e -> {
          List<Example> list = frequent.get(e.getKey().kind());
          if (list.size() < examples) {
            Key k = e.getKey();
            list.add(new Example(k.goldText(), k.goldLabel(), k.predictedText(), k.predictedLabel(), e.getValue()));
          }
        });
    return new Summary(counts, frequent);
  }
}
