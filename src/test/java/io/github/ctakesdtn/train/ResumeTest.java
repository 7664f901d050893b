package io.github.ctakesdtn.train;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import io.github.ctakesdtn.corpus.LabelTypeMapping;
import io.github.ctakesdtn.corpus.TagScheme;
import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.model.ModelFile;
import io.github.ctakesdtn.model.NetworkConfig;
import io.github.ctakesdtn.model.SharingScheme;
import io.github.ctakesdtn.model.SyntheticCorpus;
import io.github.ctakesdtn.model.TaggerModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Training stopped at the end of an epoch (by an exception from the listener, after that epoch's
 * checkpoint was written) and resumed from its checkpoint saves the model file an uninterrupted
 * run saves, byte for byte.
 */
public class ResumeTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private static final NetworkConfig SHAPE = new NetworkConfig(NetworkConfig.CNN, 4, 4, 3, 8, 8, 0.3, 25, 0, 0, 0);
  private static final List<LabeledSentence> TRAIN = SyntheticCorpus.sentences(60, 1);
  private static final List<LabeledSentence> SOURCE = SyntheticCorpus.sentences(80, 5);
  private static final List<LabeledSentence> DEV = SyntheticCorpus.sentences(10, 2);

  /** Stands for a kill: thrown from the listener after the checkpoint of the epoch before was written. */
  private static final class Stop extends RuntimeException {}

  /**
   * Writes down every epoch's loss and dev F1 (which depend on the parameters, the batch order and
   * the dropout, so they show whether a resumed run goes on exactly as an uninterrupted one), and
   * stops the run when the given epoch ends, before its checkpoint.
   */
  private static final class Recorder implements TrainingListener {
    final List<String> epochs = new ArrayList<>();
    private final int stopSourceEpoch;
    private final int stopEpoch;

    Recorder(int stopSourceEpoch, int stopEpoch) {
      this.stopSourceEpoch = stopSourceEpoch;
      this.stopEpoch = stopEpoch;
    }

    @Override
    public void sourceEpochDone(int epoch, int epochs, double meanLoss, double speed, double seconds) {
      if (epoch == stopSourceEpoch) {
        throw new Stop();
      }
      this.epochs.add("source epoch " + epoch + " loss " + meanLoss);
    }

    @Override
    public void epochDone(EpochReport report) {
      if (report.epoch() == stopEpoch) {
        throw new Stop();
      }
      epochs.add("epoch " + report.epoch() + " loss " + report.meanLoss() + " dev F1 " + report.devF1());
    }
  }

  private static Recorder stopAt(int epoch) {
    return new Recorder(0, epoch);
  }

  private static Recorder stopAtSourceEpoch(int epoch) {
    return new Recorder(epoch, 0);
  }

  private byte[] bytes(TaggerModel model) throws IOException {
    Path file = temp.newFile().toPath();
    ModelFile.save(model, file);
    return Files.readAllBytes(file);
  }

  private static JsonObject recipe(String what) {
    JsonObject recipe = new JsonObject();
    recipe.addProperty("run", what);
    return recipe;
  }

  /**
   * Trains uninterrupted, then again stopped by {@code stopping} and resumed (twice when {@code
   * again} stops the resumed run too), and compares the saved models' bytes.
   */
  private void assertResumesToTheSameModel(Function<TrainingListener, Function<Checkpoints, TaggerModel>> training,
      Recorder stopping, Recorder again) throws IOException {
    Recorder uninterrupted = new Recorder(0, 0);
    byte[] whole = bytes(training.apply(uninterrupted).apply(Checkpoints.NONE));
    Path file = temp.getRoot().toPath().resolve("model.checkpoint");
    Files.deleteIfExists(file);
    assertThrows(Stop.class, () -> training.apply(stopping).apply(Checkpoints.startingAfresh(file, recipe("a"))));
    assertTrue("a checkpoint was written before the stop", Files.exists(file));
    if (again != null) {
      assertThrows(Stop.class, () -> training.apply(again).apply(Checkpoints.resuming(file, recipe("a"))));
    }
    Checkpoints resuming = Checkpoints.resuming(file, recipe("a"));
    assertNotNull(resuming.resumed());
    Recorder resumedRun = new Recorder(0, 0);
    byte[] resumed = bytes(training.apply(resumedRun).apply(resuming));
    List<String> all = uninterrupted.epochs;
    assertFalse("the resumed run trained epochs", resumedRun.epochs.isEmpty());
    assertEquals("the resumed run's epochs go on as the uninterrupted run's did",
        all.subList(all.size() - resumedRun.epochs.size(), all.size()), resumedRun.epochs);
    assertArrayEquals("the resumed run's model differs from the uninterrupted run's", whole, resumed);
  }

  private static Function<TrainingListener, Function<Checkpoints, TaggerModel>> singleTask(TrainingConfig config) {
    return listener -> checkpoints -> new Trainer(SHAPE, config, null, listener).withCheckpoints(checkpoints)
        .train(TRAIN, DEV, new JsonObject()).model();
  }

  private static Function<TrainingListener, Function<Checkpoints, TaggerModel>> transfer(SharingScheme scheme,
      TransferConfig transfer) {
    TrainingConfig config = new TrainingConfig(4, 4, 8, "adam", 0.01, 5.0, 0.3, TagScheme.IOBES, 9).withThreads(2);
    return listener -> checkpoints -> new TransferTrainer(SHAPE, config, scheme, transfer, null, listener)
        .withCheckpoints(checkpoints).train(SOURCE, TRAIN, DEV, new JsonObject()).model();
  }

  @Test
  public void aSingleTaskRunResumesToTheSameBytes() throws IOException {
    TrainingConfig config = new TrainingConfig(4, 4, 8, "adam", 0.01, 5.0, 0.3, TagScheme.IOB2, 21).withThreads(2);
    assertResumesToTheSameModel(singleTask(config), stopAt(2), stopAt(3));
  }

  @Test
  public void aRunStartedFromATrainedModelResumesToTheSameBytes() throws IOException {
    TrainingConfig donorConfig = new TrainingConfig(2, 2, 8, "adam", 0.01, 5.0, 0.3, TagScheme.IOBES, 7)
        .withThreads(2);
    TaggerModel donor = new Trainer(SHAPE, donorConfig, null, TrainingListener.SILENT)
        .train(SOURCE, DEV, new JsonObject()).model();
    PretrainedStart start = new PretrainedStart(donor, LabelTypeMapping.defaults());
    TrainingConfig config = new TrainingConfig(4, 4, 8, "adam", 0.01, 5.0, 0.3, TagScheme.IOBES, 21).withThreads(2);
    assertResumesToTheSameModel(listener -> checkpoints -> new Trainer(SHAPE, config, null, listener)
        .withCheckpoints(checkpoints).withStart(start).train(TRAIN, DEV, new JsonObject()).model(), stopAt(2), null);
  }

  @Test
  public void withParameterAveragingToo() throws IOException {
    TrainingConfig config = new TrainingConfig(3, 3, 8, "adam", 0.01, 5.0, 0.3, TagScheme.IOBES, 4).withThreads(2)
        .withAverageDecay(0.99);
    assertResumesToTheSameModel(singleTask(config), stopAt(2), null);
  }

  @Test
  public void withADecayingLearningRateToo() throws IOException {
    TrainingConfig config = new TrainingConfig(4, 4, 8, "adam", 0.01, 5.0, 0.3, TagScheme.IOBES, 4).withThreads(2)
        .withLearningRateDecay(0.5);
    assertResumesToTheSameModel(singleTask(config), stopAt(2), null);
  }

  @Test
  public void aRunStoppedAfterItsLastEpochOnlyRestoresItsBestEpoch() throws IOException {
    TrainingConfig config = new TrainingConfig(2, 2, 8, "sgd", 0.05, 5.0, 0.3, TagScheme.IOB2, 3).withThreads(1);
    Path file = temp.getRoot().toPath().resolve("last.checkpoint");
    byte[] whole = bytes(singleTask(config).apply(TrainingListener.SILENT).apply(Checkpoints.startingAfresh(file,
        recipe("b"))));
    assertTrue(Files.exists(file)); // the trainer leaves it; the command removes it after saving the model
    Recorder resumedRun = new Recorder(0, 0);
    byte[] resumed = bytes(singleTask(config).apply(resumedRun).apply(Checkpoints.resuming(file, recipe("b"))));
    assertEquals("no epoch trained again", List.of(), resumedRun.epochs);
    assertArrayEquals(whole, resumed);
  }

  @Test
  public void aDtnRunResumesInItsJointEpochs() throws IOException {
    assertResumesToTheSameModel(transfer(SharingScheme.DTN, new TransferConfig(1, 2, 2.0, false)), stopAt(2), null);
  }

  @Test
  public void aWarmStartedRunResumesInItsSourceEpochsAndInItsJointEpochs() throws IOException {
    TransferConfig warm = new TransferConfig(1, 2, 2.0, true);
    assertResumesToTheSameModel(transfer(SharingScheme.DTN, warm), stopAtSourceEpoch(2), stopAt(2));
  }

  @Test
  public void aFinetuneRunResumesToo() throws IOException {
    assertResumesToTheSameModel(transfer(SharingScheme.FINETUNE, new TransferConfig(1, 2, 2.0, false)),
        stopAtSourceEpoch(2), stopAt(3));
  }

  @Test
  public void aCheckpointOfOtherOptionsIsRefusedNamingTheDifference() throws IOException {
    TrainingConfig config = new TrainingConfig(3, 3, 8, "adam", 0.01, 5.0, 0.3, TagScheme.IOB2, 21).withThreads(2);
    Path file = temp.getRoot().toPath().resolve("other.checkpoint");
    JsonObject recipe = new JsonObject();
    recipe.addProperty("learningRate", 0.01);
    assertThrows(Stop.class, () -> singleTask(config).apply(stopAt(2)).apply(Checkpoints.startingAfresh(file, recipe)));
    JsonObject other = new JsonObject();
    other.addProperty("learningRate", 0.02);
    IOException e = assertThrows(IOException.class, () -> Checkpoints.resuming(file, other));
    assertTrue(e.getMessage(), e.getMessage().contains(file.toString()));
    assertTrue(e.getMessage(), e.getMessage().contains("learningRate: 0.01 then, 0.02 now"));
  }

  @Test
  public void aCheckpointOfAnotherNetworkIsRefusedNamingTheFile() throws IOException {
    TrainingConfig config = new TrainingConfig(3, 3, 8, "adam", 0.01, 5.0, 0.3, TagScheme.IOB2, 21).withThreads(2);
    Path file = temp.getRoot().toPath().resolve("net.checkpoint");
    assertThrows(Stop.class, () -> singleTask(config).apply(stopAt(2)).apply(Checkpoints.startingAfresh(file,
        recipe("c"))));
    NetworkConfig wider = new NetworkConfig(NetworkConfig.CNN, 4, 4, 3, 8, 12, 0.3, 25, 0, 0, 0);
    Checkpoints resuming = Checkpoints.resuming(file, recipe("c"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Trainer(wider, config, null,
        TrainingListener.SILENT).withCheckpoints(resuming).train(TRAIN, DEV, new JsonObject()));
    assertTrue(e.getMessage(), e.getMessage().startsWith(file + ": not a checkpoint of this training run"));
  }

  @Test
  public void aDamagedCheckpointIsRefusedNamingTheFile() throws IOException {
    TrainingConfig config = new TrainingConfig(3, 3, 8, "adam", 0.01, 5.0, 0.3, TagScheme.IOB2, 21).withThreads(2);
    Path file = temp.getRoot().toPath().resolve("damaged.checkpoint");
    assertThrows(Stop.class, () -> singleTask(config).apply(stopAt(2)).apply(Checkpoints.startingAfresh(file,
        recipe("d"))));
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    IOException truncated = assertThrows(IOException.class, () -> Checkpoints.resuming(file, recipe("d")));
    assertTrue(truncated.getMessage(), truncated.getMessage().startsWith(file.toString()));
    Files.writeString(file, "not a zip");
    IOException garbage = assertThrows(IOException.class, () -> Checkpoints.resuming(file, recipe("d")));
    assertTrue(garbage.getMessage(), garbage.getMessage().startsWith(file.toString()));
    assertFalse(garbage.getMessage().isEmpty());
  }
}
