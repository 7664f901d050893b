package io.github.ctakesdtn.report;

import io.github.ctakesdtn.eval.Counts;
import io.github.ctakesdtn.eval.Evaluation;
import io.github.ctakesdtn.eval.Scores;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/** Per-label precision, recall and F1, exact and overlap, with mention counts, as a table and a chart. */
final class ScoreSections {
  static final List<String> TOTALS = List.of("micro", "macro");

  private ScoreSections() {}

  static String pct(double x) {
    return String.format("%.2f", 100 * x);
  }

  /** One corpus' scores and mistakes under a heading of their own; {@code id} prefixes the elements' ids. */
  static void add(Element parent, String id, Evaluation evaluation) {
    parent.appendElement("h3").text("Scores on the " + evaluation.corpus() + " corpus (" + evaluation.count() + " "
        + evaluation.unit() + ")");
    Scores exact = evaluation.exact();
    Scores overlap = evaluation.overlap();
    List<List<String>> rows = new ArrayList<>();
    for (String label : exact.byLabel().keySet()) {
      rows.add(row(label, exact.of(label), overlap.of(label)));
    }
    rows.add(row("micro", exact.micro(), overlap.micro()));
    rows.add(List.of("macro", "", "", pct(exact.macroPrecision()), pct(exact.macroRecall()), pct(exact.macroF1()),
        pct(overlap.macroPrecision()), pct(overlap.macroRecall()), pct(overlap.macroF1())));
    HtmlPage.table(parent, "scores", List.of("label", "gold mentions", "predicted", "exact P", "exact R", "exact F1",
        "overlap P", "overlap R", "overlap F1"), rows, TOTALS).id(id + "-scores");
    HtmlPage.note(parent, "Exact: the same span and label as a gold mention (conlleval). Overlap: a prediction"
        + " overlapping a gold mention of its label (i2b2's inexact). Percent.");
    List<String> labels = new ArrayList<>(exact.byLabel().keySet());
    List<Double> exactF1 = labels.stream().map(l -> 100 * exact.of(l).f1()).toList();
    List<Double> overlapF1 = labels.stream().map(l -> 100 * overlap.of(l).f1()).toList();
    List<List<String>> data = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      data.add(List.of(labels.get(i), String.format("%.2f", exactF1.get(i)), String.format("%.2f", overlapF1.get(i))));
    }
    if (!labels.isEmpty()) {
      String svg = Charts.bars("F1 by label, " + evaluation.corpus(), "label", "F1 (%)", labels,
          List.of(new Charts.Bars("exact", exactF1, null), new Charts.Bars("overlap", overlapF1, null)), 100.0);
      HtmlPage.figure(parent, id + "-f1-by-label", svg, "Exact and overlap F1 per label on the " + evaluation.corpus()
          + " corpus.", List.of("label", "exact F1", "overlap F1"), data);
    }
    parent.appendElement("h3").text("Mistakes on the " + evaluation.corpus() + " corpus");
    ErrorSections.add(parent, evaluation);
  }

  private static List<String> row(String label, Counts e, Counts o) {
    return List.of(label, String.valueOf(e.gold()), String.valueOf(e.predicted()), pct(e.precision()),
        pct(e.recall()), pct(e.f1()), pct(o.precision()), pct(o.recall()), pct(o.f1()));
  }
}
