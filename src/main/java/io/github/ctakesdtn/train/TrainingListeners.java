package io.github.ctakesdtn.train;

import io.github.ctakesdtn.model.TaggerModel;
import java.util.List;

/** Several listeners heard as one, in order: e.g. the console and a {@link HistoryRecorder}. */
public final class TrainingListeners implements TrainingListener {
  private final List<TrainingListener> listeners;

  private TrainingListeners(List<TrainingListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  public static TrainingListener all(TrainingListener... listeners) {
    return new TrainingListeners(List.of(listeners));
  }

  @Override
  public void batchDone(int epoch, int sentencesDone, int sentencesTotal, double meanLoss) {
    listeners.forEach(l -> l.batchDone(epoch, sentencesDone, sentencesTotal, meanLoss));
  }

  @Override
  public void sourceEpochDone(int epoch, int epochs, double meanLoss, double sentencesPerSecond,
      double secondsElapsed) {
    listeners.forEach(l -> l.sourceEpochDone(epoch, epochs, meanLoss, sentencesPerSecond, secondsElapsed));
  }

  @Override
  public void startedFrom(String taken) {
    listeners.forEach(l -> l.startedFrom(taken));
  }

  @Override
  public void epochDone(EpochReport report) {
    listeners.forEach(l -> l.epochDone(report));
  }

  @Override
  public void improved(TaggerModel model, EpochReport report) {
    listeners.forEach(l -> l.improved(model, report));
  }

  @Override
  public void epochModel(TaggerModel model, EpochReport report) {
    listeners.forEach(l -> l.epochModel(model, report));
  }
}
