package io.github.ctakesdtn.train;

import com.google.gson.Gson;
import io.github.ctakesdtn.model.GateStatistics;
import io.github.ctakesdtn.model.SharingScheme;
import io.github.ctakesdtn.model.TaggerModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records a training run's {@link TrainingHistory} as it goes. For a DTN model it also measures the
 * target's gates after every epoch on (at most {@link #GATE_SENTENCES} of) the dev sentences: one
 * more tagging pass per epoch.
 */
public final class HistoryRecorder implements TrainingListener {
  /** Dev sentences the gates are measured on each epoch; enough for a stable mean, bounded in cost. */
  static final int GATE_SENTENCES = 2_000;
  private static final String STATE_KEY = "history";
  private static final Gson GSON = new Gson();

  private final List<List<String>> gateSentences;
  private final List<TrainingHistory.Epoch> epochs = new ArrayList<>();
  private final List<TrainingHistory.SourceEpoch> sourceEpochs = new ArrayList<>();
  /** Where the history is kept for checkpoints, or null. */
  private TrainingState state;

  /** @param devTokens the dev sentences' tokens, which the gates are measured on */
  public HistoryRecorder(List<List<String>> devTokens) {
    this.gateSentences = List.copyOf(devTokens.subList(0, Math.min(GATE_SENTENCES, devTokens.size())));
  }

  @Override
  public synchronized void sourceEpochDone(int epoch, int epochs, double meanLoss, double sentencesPerSecond,
      double secondsElapsed) {
    sourceEpochs.add(new TrainingHistory.SourceEpoch(epoch, meanLoss));
    keep();
  }

  @Override
  public void epochDone(EpochReport report) {}

  @Override
  public synchronized void epochModel(TaggerModel model, EpochReport report) {
    Map<String, GateStatistics.Stat> gates = isDtn(model) ? GateStatistics.of(model, gateSentences) : Map.of();
    epochs.add(new TrainingHistory.Epoch(report.epoch(), report.meanLoss(), report.devF1(), report.improved(), gates));
    keep();
  }

  /**
   * Keeps the history so far in {@code state} after every epoch (a checkpoint's run state), and
   * continues from the history a resumed checkpoint kept, so that a resumed run's report holds
   * the epochs before the interruption.
   *
   * @param resumed the state of the checkpoint resumed from, or null for a run from the start
   */
  public synchronized void checkpointIn(TrainingState state, TrainingState resumed) {
    this.state = state;
    if (resumed != null && resumed.values().has(STATE_KEY)) {
      TrainingHistory kept = GSON.fromJson(resumed.values().get(STATE_KEY), TrainingHistory.class);
      epochs.clear();
      epochs.addAll(kept.epochs());
      sourceEpochs.clear();
      sourceEpochs.addAll(kept.sourceEpochs());
    }
    keep();
  }

  private void keep() {
    if (state != null) {
      state.values().add(STATE_KEY, GSON.toJsonTree(history()));
    }
  }

  /** What has been recorded so far. */
  public synchronized TrainingHistory history() {
    return new TrainingHistory(epochs, sourceEpochs);
  }

  /** Whether the model's network has DTN gates. */
  public static boolean isDtn(TaggerModel model) {
    return model.transfer() != null && SharingScheme.DTN.name().equals(model.transfer().graphScheme());
  }
}
