package io.github.ctakesdtn.train;

import io.github.ctakesdtn.model.TaggerModel;

/**
 * Model selection on dev F1: after each epoch, keeps a copy of the best epoch's network and CRF
 * parameters, tells the listener, and says when {@code patience} epochs have passed without a
 * better score; at the end puts the best parameters back.
 */
final class EarlyStopping {
  private final TaggerModel model;
  private final TrainingConfig config;
  private final TrainingListener listener;
  private final long start = System.nanoTime();
  private float[][][] bestParams;
  private double[] bestCrf;
  private double bestF1 = -1;
  private int bestEpoch;
  private int epochsRun;
  private long sentencesSeen;

  EarlyStopping(TaggerModel model, TrainingConfig config, TrainingListener listener) {
    this.model = model;
    this.config = config;
    this.listener = listener;
    this.bestParams = model.network().params().snapshot();
    this.bestCrf = CrfParameters.of(model.crf());
  }

  /** Records an epoch that trained on {@code sentences} sentences; returns true when training should stop. */
  boolean epochDone(int epoch, double meanLoss, double devF1, long sentences) {
    sentencesSeen += sentences;
    epochsRun = epoch;
    boolean improved = devF1 > bestF1;
    if (improved) {
      bestF1 = devF1;
      bestEpoch = epoch;
      bestParams = model.network().params().snapshot();
      bestCrf = CrfParameters.of(model.crf());
    }
    double seconds = seconds();
    TrainingListener.EpochReport report = new TrainingListener.EpochReport(epoch, config.maxEpochs(), meanLoss, devF1,
        bestF1, bestEpoch, sentencesSeen / seconds, seconds, improved);
    listener.epochDone(report);
    listener.epochModel(model, report);
    if (improved) {
      listener.improved(model, report);
    }
    return epoch - bestEpoch >= config.patience();
  }

  void restoreBest() {
    model.network().params().restore(bestParams);
    model.network().refresh();
    CrfParameters.set(model.crf(), bestCrf);
  }

  double seconds() {
    return (System.nanoTime() - start) / 1e9;
  }

  double sentencesPerSecond() {
    return sentencesSeen / seconds();
  }

  double bestF1() {
    return bestF1;
  }

  int bestEpoch() {
    return bestEpoch;
  }

  int epochsRun() {
    return epochsRun;
  }
}
