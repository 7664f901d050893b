package io.github.ctakesdtn.train;

import io.github.ctakesdtn.model.GateStatistics;
import java.util.List;
import java.util.Map;

/**
 * How a training run went, epoch by epoch: what a report draws its learning curves and DTN's gates
 * over epochs from. Kept in the model file.
 *
 * @param epochs the target task's epochs, in order
 * @param sourceEpochs epochs on the source alone before them ({@code finetune}, or a warm start); often empty
 */
public record TrainingHistory(List<Epoch> epochs, List<SourceEpoch> sourceEpochs) {
  public TrainingHistory {
    epochs = List.copyOf(epochs);
    sourceEpochs = List.copyOf(sourceEpochs);
  }

  /**
   * One target epoch: mean training loss per sentence, exact-span dev F1, whether it was the best so
   * far, and for DTN the target's gate values on dev sentences per group (empty otherwise). No clock
   * time: a model file holds none, so that a resumed run writes the bytes of an uninterrupted one.
   */
  public record Epoch(int epoch, double meanLoss, double devF1, boolean improved,
      Map<String, GateStatistics.Stat> gates) {}

  /** One epoch on the source task alone. */
  public record SourceEpoch(int epoch, double meanLoss) {}

  /** The epoch with the best dev F1 (the first of equals), whose parameters a trained model keeps; 0 when none. */
  public int bestEpoch() {
    Epoch best = null;
    for (Epoch e : epochs) {
      if (best == null || e.devF1() > best.devF1()) {
        best = e;
      }
    }
    return best == null ? 0 : best.epoch();
  }
}
