package io.github.ctakesdtn.report;

import io.github.ctakesdtn.model.GateStatistics;
import io.github.ctakesdtn.train.TrainingHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jsoup.nodes.Element;

/** Learning curves and, for DTN, the gates over epochs and their distribution at the end. */
final class TrainingSections {
  private TrainingSections() {}

  static void learningCurves(HtmlPage page, TrainingHistory history) {
    Element section = page.section("learning-curves", "Learning curves");
    List<TrainingHistory.Epoch> epochs = history.epochs();
    if (epochs.isEmpty()) {
      HtmlPage.note(section, "No epoch was recorded.");
      return;
    }
    int best = history.bestEpoch();
    double[] x = epochs.stream().mapToDouble(TrainingHistory.Epoch::epoch).toArray();
    double[] loss = epochs.stream().mapToDouble(TrainingHistory.Epoch::meanLoss).toArray();
    double[] f1 = epochs.stream().mapToDouble(e -> 100 * e.devF1()).toArray();
    TrainingHistory.Epoch chosen = epochs.stream().filter(e -> e.epoch() == best).findFirst().orElseThrow();
    HtmlPage.paragraph(section, String.format("%d epochs; the model keeps epoch %d, the best on dev (exact-span F1"
        + " %.2f).", epochs.size(), best, 100 * chosen.devF1()));
    List<List<String>> data = new ArrayList<>();
    for (TrainingHistory.Epoch e : epochs) {
      data.add(List.of(String.valueOf(e.epoch()), String.format("%.4f", e.meanLoss()),
          String.format("%.2f", 100 * e.devF1()), e.epoch() == best ? "chosen" : ""));
    }
    List<String> headers = List.of("epoch", "training loss", "dev F1", "");
    String lossSvg = Charts.lines("Training loss", "epoch", "mean loss per sentence",
        List.of(new Charts.Line("training loss", x, loss)),
        new Charts.Line("chosen epoch", new double[] {best}, new double[] {chosen.meanLoss()}), null, null);
    HtmlPage.figure(section, "training-loss", lossSvg, "Mean CRF loss per training sentence, epoch by epoch"
        + " (dropout on); the diamond marks the chosen epoch.", headers, data);
    String f1Svg = Charts.lines("Dev F1", "epoch", "exact-span F1 (%)", List.of(new Charts.Line("dev F1", x, f1)),
        new Charts.Line("chosen epoch", new double[] {best}, new double[] {100 * chosen.devF1()}), null, null);
    HtmlPage.figure(section, "dev-f1", f1Svg, "Exact-span F1 on the dev corpus after each epoch; training stops"
        + " after a set number of epochs (the patience) without a better one; the diamond marks the chosen epoch.", headers, data);
    if (!history.sourceEpochs().isEmpty()) {
      HtmlPage.note(section, String.format("Before these, %d epochs on the source alone (last loss %.4f).",
          history.sourceEpochs().size(), history.sourceEpochs().get(history.sourceEpochs().size() - 1).meanLoss()));
    }
  }

  /** DTN's gates: nothing is added for a model without them. */
  static void gates(HtmlPage page, TrainingHistory history, Map<String, long[]> histograms) {
    List<TrainingHistory.Epoch> epochs = history.epochs();
    TreeSet<String> groups = new TreeSet<>(histograms.keySet());
    epochs.forEach(e -> groups.addAll(e.gates().keySet()));
    if (groups.isEmpty()) {
      return;
    }
    Element section = page.section("gates", "DTN: how much each part is shared");
    HtmlPage.paragraph(section, "Each parameter group (chars: the character encoder; words: the word BiLSTM;"
        + " emissions: the output layer) runs a shared and a private copy, and a learned gate mixes them token by"
        + " token: 1 = all shared with the source task, 0 = all private to the target. The gates' values on the dev"
        + " sentences are the sharing scheme the network learned.");
    List<Charts.Line> lines = new ArrayList<>();
    List<List<String>> data = new ArrayList<>();
    for (String group : groups) {
      List<TrainingHistory.Epoch> withGroup = epochs.stream().filter(e -> e.gates().containsKey(group)).toList();
      lines.add(new Charts.Line(group, withGroup.stream().mapToDouble(TrainingHistory.Epoch::epoch).toArray(),
          withGroup.stream().mapToDouble(e -> e.gates().get(group).mean()).toArray()));
      for (TrainingHistory.Epoch e : withGroup) {
        GateStatistics.Stat s = e.gates().get(group);
        data.add(List.of(group, String.valueOf(e.epoch()), String.format("%.3f", s.mean()),
            String.format("%.3f", s.std())));
      }
    }
    if (!data.isEmpty()) {
      String svg = Charts.lines("Mean gate value per epoch", "epoch", "gate (1 = shared)", lines, null, 0.0, 1.0);
      HtmlPage.figure(section, "gates-over-epochs", svg, "Mean target-task gate value per group on the dev"
          + " sentences after each epoch.", List.of("group", "epoch", "mean", "sd"), data);
    }
    if (!histograms.isEmpty()) {
      int bins = histograms.values().iterator().next().length;
      List<String> categories = new ArrayList<>();
      for (int b = 0; b < bins; b++) {
        categories.add(String.format("%.1f-%.1f", (double) b / bins, (double) (b + 1) / bins));
      }
      List<Charts.Bars> bars = new ArrayList<>();
      List<List<String>> histogramData = new ArrayList<>();
      for (Map.Entry<String, long[]> entry : new java.util.TreeMap<>(histograms).entrySet()) {
        long total = 0;
        for (long n : entry.getValue()) {
          total += n;
        }
        List<Double> shares = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
          double share = total == 0 ? 0 : 100.0 * entry.getValue()[b] / total;
          shares.add(share);
          histogramData.add(List.of(entry.getKey(), categories.get(b), String.valueOf(entry.getValue()[b]),
              String.format("%.1f", share)));
        }
        bars.add(new Charts.Bars(entry.getKey(), shares, null));
      }
      String svg = Charts.bars("Gate values of the chosen model", "gate value (0 = private, 1 = shared)",
          "share of values (%)", categories, bars, null);
      HtmlPage.figure(section, "gate-distribution", svg, "Distribution of the chosen model's gate values on the dev"
          + " sentences, per group.", List.of("group", "values in", "count", "share (%)"), histogramData);
    }
  }
}
