package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.model.GateStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The runs of one scheme in a search, one per training seed, and its row of the search table:
 * dev and test F1 as mean ± standard deviation over the seeds (a single value for one seed), the
 * total minutes, and the best epoch and gates of the run with the best dev F1, whose model is kept.
 */
final class SchemeRuns {
  /** One training run; testF1 is NaN without a test corpus. */
  record Run(long seed, double devF1, double testF1, int bestEpoch, double seconds,
      Map<String, GateStatistics.Stat> gates) {}

  static final String TABLE_HEADER = "| scheme | dev F1 | test F1 | best epoch | minutes | gates (mean ± sd) |\n"
      + "|---|---|---|---|---|---|\n";

  private final String scheme;
  private final List<Run> runs = new ArrayList<>();

  SchemeRuns(String scheme) {
    this.scheme = scheme;
  }

  /** Whether a run with this dev F1 would be the best so far (and so the model to keep). */
  boolean wouldBeBest(double devF1) {
    return runs.isEmpty() || devF1 > best().devF1();
  }

  void add(Run run) {
    runs.add(run);
  }

  /** The run with the best dev F1, the first of equals. */
  Run best() {
    return runs.stream().max(Comparator.comparingDouble(Run::devF1)).orElseThrow();
  }

  String tableRow() {
    Run best = best();
    double minutes = runs.stream().mapToDouble(Run::seconds).sum() / 60;
    return String.format("| %s | %s | %s | %d | %.1f | %s |%n", scheme, percent(Run::devF1), percent(Run::testF1),
        best.bestEpoch(), minutes, gates(best));
  }

  /** 100 × the mean, with the sample standard deviation when there are several runs. */
  private String percent(ToDoubleFunction<Run> score) {
    double[] values = runs.stream().mapToDouble(score).toArray();
    double mean = Arrays.stream(values).average().orElseThrow();
    if (Double.isNaN(mean)) {
      return "-";
    }
    if (values.length == 1) {
      return String.format("%.2f", 100 * mean);
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return String.format("%.2f ± %.2f", 100 * mean, 100 * Math.sqrt(squares / (values.length - 1)));
  }

  private static String gates(Run run) {
    List<String> parts = new ArrayList<>();
    run.gates().forEach((group, stat) -> parts.add(String.format("%s %.2f±%.2f", group, stat.mean(), stat.std())));
    return String.join(", ", parts);
  }
}
