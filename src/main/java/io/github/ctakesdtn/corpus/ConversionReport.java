package io.github.ctakesdtn.corpus;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Everything a conversion did, so nothing is silent: documents, sentences, tokens and mentions
 * written, every mention that was snapped, dropped or merged (by reason), the mentions whose label
 * was not selected (by label), and every document that failed (by name and cause).
 */
public final class ConversionReport {
  /** A document that could not be read or written; it was skipped. */
  public record Failure(String source, String message) {}

  private int documents;
  private int sentences;
  private int tokens;
  private int mentions;
  private final Map<String, Integer> mentionsByLabel = new TreeMap<>();
  private final Map<String, Integer> adjustments = new TreeMap<>();
  private final Map<String, Integer> ignoredLabels = new TreeMap<>();
  private final List<Failure> failures = new ArrayList<>();

  public synchronized void written(Document document) {
    documents++;
    sentences += document.sentences().size();
    tokens += document.tokenCount();
    mentions += document.mentions().size();
    for (Mention mention : document.mentions()) {
      mentionsByLabel.merge(mention.label(), 1, Integer::sum);
    }
  }

  /** Counts one mention-level event, e.g. "snapped: edge inside a token". */
  public synchronized void count(String what) {
    count(what, 1);
  }

  public synchronized void count(String what, int n) {
    if (n > 0) {
      adjustments.merge(what, n, Integer::sum);
    }
  }

  /** Counts one mention left out because its label is not among those selected ({@link LabelSelection}). */
  public synchronized void ignoredLabel(String label) {
    ignoredLabels.merge(label, 1, Integer::sum);
  }

  public synchronized void failed(String source, String message) {
    failures.add(new Failure(source, message));
  }

  public synchronized int documents() {
    return documents;
  }

  public synchronized int sentences() {
    return sentences;
  }

  public synchronized int tokens() {
    return tokens;
  }

  public synchronized int mentions() {
    return mentions;
  }

  public synchronized Map<String, Integer> mentionsByLabel() {
    return Map.copyOf(mentionsByLabel);
  }

  public synchronized Map<String, Integer> adjustments() {
    return Map.copyOf(adjustments);
  }

  /** Mentions left out by label, as the corpus spells it. */
  public synchronized Map<String, Integer> ignoredLabels() {
    return Map.copyOf(ignoredLabels);
  }

  public synchronized List<Failure> failures() {
    return List.copyOf(failures);
  }

  public synchronized void print(PrintStream out) {
    out.printf("documents written  %,d%n", documents);
    out.printf("sentences          %,d%n", sentences);
    out.printf("tokens             %,d%n", tokens);
    out.printf("mentions           %,d%n", mentions);
    mentionsByLabel.forEach((label, n) -> out.printf("  %-40s %,d%n", label, n));
    adjustments.forEach((what, n) -> out.printf("  %-40s %,d%n", what, n));
    if (!ignoredLabels.isEmpty()) {
      out.printf("ignored (label not selected) %,d: %s%n", ignoredLabels.values().stream().mapToInt(Integer::intValue).sum(),
          ignoredLabels.entrySet().stream()
              .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
              .map(e -> String.format("%s %,d", e.getKey(), e.getValue()))
              .collect(Collectors.joining(", ")));
    }
    out.printf("documents failed   %,d%n", failures.size());
    for (Failure failure : failures) {
      out.printf("  %s: %s%n", failure.source(), failure.message());
    }
  }
}
