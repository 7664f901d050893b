package io.github.ctakesdtn.report;

import io.github.ctakesdtn.model.GateStatistics;
import io.github.ctakesdtn.train.TrainingHistory;
import java.util.Map;

/**
 * One training run of a search, a row of {@code search.json}: the scheme, its seed, target dev and
 * test F1 ({@code testF1} null without a test corpus), the best epoch, wall seconds, DTN's gates
 * (empty for other schemes) and the run's history.
 */
public record SearchRun(String scheme, long seed, double devF1, Double testF1, int bestEpoch, double seconds,
    Map<String, GateStatistics.Stat> gates, TrainingHistory history) {}
