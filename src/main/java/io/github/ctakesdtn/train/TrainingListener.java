package io.github.ctakesdtn.train;

import io.github.ctakesdtn.model.TaggerModel;

/** Hears how training goes, for progress displays and logs. */
public interface TrainingListener {
  /** Called after each mini-batch of an epoch. */
  default void batchDone(int epoch, int sentencesDone, int sentencesTotal, double meanLoss) {}

  /** Called after each epoch on the source alone ({@code finetune}, or a warm start) before the target's epochs. */
  default void sourceEpochDone(int epoch, int epochs, double meanLoss, double sentencesPerSecond,
      double secondsElapsed) {}

  /** Called once before the first epoch when training starts from a trained model: what the new one took from it. */
  default void startedFrom(String taken) {}

  /** Called after each epoch with its figures. */
  void epochDone(EpochReport report);

  /**
   * Called when an epoch beats every earlier one on dev F1, with the model as it stands (its
   * parameters change as training goes on): a chance to save a checkpoint.
   */
  default void improved(TaggerModel model, EpochReport report) {}

  /**
   * Called after every epoch with the model as that epoch left it (the weights dev F1 was measured
   * with), after {@link #epochDone} and before {@link #improved}: a chance to measure it, e.g. DTN's gates.
   */
  default void epochModel(TaggerModel model, EpochReport report) {}

  TrainingListener SILENT = report -> {};

  /** What one epoch did. */
  record EpochReport(int epoch, int maxEpochs, double meanLoss, double devF1, double bestDevF1, int bestEpoch,
      double sentencesPerSecond, double secondsElapsed, boolean improved) {}
}
