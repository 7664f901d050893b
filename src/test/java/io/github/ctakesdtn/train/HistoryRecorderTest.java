package io.github.ctakesdtn.train;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import io.github.ctakesdtn.corpus.TagScheme;
import io.github.ctakesdtn.model.GateStatistics;
import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.model.NetworkConfig;
import io.github.ctakesdtn.model.SharingScheme;
import io.github.ctakesdtn.model.SyntheticCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** A real DTN run heard by a {@link HistoryRecorder}: every epoch recorded as the trainer reported it. */
public class HistoryRecorderTest {
  private static final NetworkConfig SHAPE = new NetworkConfig(NetworkConfig.CNN, 8, 16, 3, 16, 16, 0.2, 25, 0, 0, 0);
  private static final List<LabeledSentence> DEV = SyntheticCorpus.sentences(30, 13);

  @Test
  public void recordsEveryEpochWithItsGatesAndTheBestEpoch() {
    TrainingConfig threeEpochs = new TrainingConfig(3, 3, 8, "adam", 0.01, 5.0, 0.3, TagScheme.IOBES, 3);
    List<List<String>> devTokens = DEV.stream().map(LabeledSentence::tokens).toList();
    HistoryRecorder recorder = new HistoryRecorder(devTokens);
    List<TrainingListener.EpochReport> reports = new ArrayList<>();
    TransferTrainer.Result result = new TransferTrainer(SHAPE, threeEpochs, SharingScheme.DTN,
        new TransferConfig(1, 1, 0, false), null, TrainingListeners.all(reports::add, recorder))
        .train(SyntheticCorpus.sentences(40, 11), SyntheticCorpus.sentences(6, 12), DEV, new JsonObject());
    TrainingHistory history = recorder.history();
    assertEquals(result.epochsRun(), history.epochs().size());
    assertEquals(result.bestEpoch(), history.bestEpoch());
    for (int i = 0; i < reports.size(); i++) {
      TrainingHistory.Epoch epoch = history.epochs().get(i);
      assertEquals(reports.get(i).epoch(), epoch.epoch());
      assertEquals(reports.get(i).devF1(), epoch.devF1(), 0);
      assertEquals(reports.get(i).meanLoss(), epoch.meanLoss(), 0);
      // Same labels in both tasks: every group is gated.
      assertEquals(List.of("chars", "emissions", "words"), List.copyOf(epoch.gates().keySet()));
    }
    // The chosen model's gates: the histogram counts exactly the values the statistics average.
    Map<String, GateStatistics.Stat> stats = GateStatistics.of(result.model(), devTokens);
    Map<String, long[]> histograms = GateStatistics.histograms(result.model(), devTokens, 10);
    assertEquals(stats.keySet(), histograms.keySet());
    stats.forEach((group, stat) -> {
      long total = 0;
      double lower = 0;
      for (int b = 0; b < 10; b++) {
        total += histograms.get(group)[b];
        lower += histograms.get(group)[b] * (b / 10.0);
      }
      assertEquals(group, stat.count(), total);
      // Each value lies in its tenth: the mean is within a tenth above the bins' lower edges' mean.
      assertTrue(group, stat.mean() >= lower / total && stat.mean() <= lower / total + 0.1);
    });
    assertEquals(history.epochs().get(history.epochs().size() - 1).gates().keySet(), stats.keySet());
  }

  @Test
  public void aSingleTaskRunHasNoGates() {
    TrainingConfig twoEpochs = new TrainingConfig(2, 2, 8, "adam", 0.01, 5.0, 0.3, TagScheme.IOBES, 3);
    HistoryRecorder recorder = new HistoryRecorder(DEV.stream().map(LabeledSentence::tokens).toList());
    new Trainer(SHAPE, twoEpochs, null, recorder).train(SyntheticCorpus.sentences(20, 12), DEV, new JsonObject());
    assertEquals(2, recorder.history().epochs().size());
    assertTrue(recorder.history().epochs().stream().allMatch(e -> e.gates().isEmpty()));
  }
}
