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
  /** When training started (moved back on a resume by the time the interrupted run had trained). */
  private long start = System.nanoTime();
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

  /** Keeps the best epoch's parameters and the counts in a checkpoint. */
  void saveTo(TrainingState state) {
    state.putParams("best", model.network().params(), bestParams);
    state.putDoubles("best/crf", bestCrf);
    state.values().addProperty("bestF1", bestF1);
    state.values().addProperty("bestEpoch", bestEpoch);
    state.values().addProperty("epochsRun", epochsRun);
    state.values().addProperty("sentencesSeen", sentencesSeen);
    state.values().addProperty("seconds", seconds());
  }

  /** Continues from what {@link #saveTo} kept. */
  void restoreFrom(TrainingState state) {
    bestParams = state.params("best", model.network().params());
    bestCrf = state.doubles("best/crf", bestCrf.length);
    bestF1 = state.getDouble("bestF1");
    bestEpoch = state.getInt("bestEpoch");
    epochsRun = state.getInt("epochsRun");
    sentencesSeen = state.getLong("sentencesSeen");
    start = System.nanoTime() - Math.round(state.getDouble("seconds") * 1e9);
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
