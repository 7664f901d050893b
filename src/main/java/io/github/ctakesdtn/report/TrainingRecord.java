package io.github.ctakesdtn.report;

import io.github.ctakesdtn.eval.Evaluation;
import io.github.ctakesdtn.train.TrainingHistory;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a training report is drawn from, kept in the model file as {@code report.json}: the scheme,
 * the history epoch by epoch, DTN's gate values at the end as a histogram per group, and the final
 * model's scores on the dev corpus (and the test corpus, when given).
 *
 * @param complete false while training still runs (the model file of a stopped run)
 * @param gateHistograms per group, how many gate values fell in each tenth of [0, 1]; empty but for DTN
 */
public record TrainingRecord(String scheme, boolean complete, TrainingHistory history,
    Map<String, long[]> gateHistograms, List<Evaluation> evaluations) {
  /** Parts of [0, 1] the gate histograms count in. */
  public static final int GATE_BINS = 10;

  public TrainingRecord {
    // Sorted, not Map.copyOf: its iteration order changes from one JVM to the next, and the record is
    // written into the model file, whose bytes must not depend on the run.
    gateHistograms = Collections.unmodifiableMap(new TreeMap<>(gateHistograms));
    evaluations = List.copyOf(evaluations);
  }
}
