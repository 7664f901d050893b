package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.report.SearchReport;
import io.github.ctakesdtn.report.SearchRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The runs of one scheme in a search, one per training seed, and its row of the search table:
 * dev and test F1 as mean ± standard deviation over the seeds (a single value for one seed), the
 * total minutes, and the best epoch and gates of the run with the best dev F1, whose model is kept.
 */
final class SchemeRuns {
  static final String TABLE_HEADER = "| scheme | dev F1 | test F1 | best epoch | minutes | gates (mean ± sd) |\n"
      + "|---|---|---|---|---|---|\n";

  private final String scheme;
  private final List<SearchRun> runs = new ArrayList<>();

  SchemeRuns(String scheme) {
    this.scheme = scheme;
  }

  /** Whether a run with this dev F1 would be the best so far (and so the model to keep). */
  boolean wouldBeBest(double devF1) {
    return runs.isEmpty() || devF1 > best().devF1();
  }

  void add(SearchRun run) {
    runs.add(run);
  }

  /** The run with the best dev F1, the first of equals. */
  SearchRun best() {
    return runs.stream().max(Comparator.comparingDouble(SearchRun::devF1)).orElseThrow();
  }

  String tableRow() {
    SearchRun best = best();
    double minutes = runs.stream().mapToDouble(SearchRun::seconds).sum() / 60;
    return String.format("| %s | %s | %s | %d | %.1f | %s |%n", scheme, SearchReport.percent(runs, SearchRun::devF1),
        SearchReport.percent(runs.stream().filter(r -> r.testF1() != null).toList(), SearchRun::testF1),
        best.bestEpoch(), minutes, SearchReport.gates(best.gates()));
  }
}
