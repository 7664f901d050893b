package io.github.ctakesdtn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.model.SyntheticCorpus;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * train killed with SIGKILL once its first checkpoint is on disk (and again while resuming), then
 * run with --resume: the model file is byte for byte the one an uninterrupted run writes, and
 * neither the checkpoint nor a temporary is left behind.
 */
public class TrainCrashIT {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private static final String[] SMALL = {"--epochs", "5", "--patience", "5", "--batch-size", "8",
      "--learning-rate", "0.01", "--word-hidden", "8", "--word-embedding-size", "8", "--seed", "5", "--threads", "2"};

  private Path dir() {
    return temp.getRoot().toPath();
  }

  private void writeConll(String name, List<LabeledSentence> sentences) throws Exception {
    Files.writeString(dir().resolve(name), ConllText.of(sentences));
  }

  private static String[] args(List<String> command, String... more) {
    List<String> all = new ArrayList<>(command);
    all.addAll(List.of(SMALL));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /**
   * Starts train and kills it (SIGKILL) as soon as the checkpoint differs from {@code before}
   * (null: once there is one); returns the checkpoint it left.
   */
  private byte[] killAfterCheckpoint(Path workDir, String[] args, Path checkpoint, byte[] before) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Cli.jar().toAbsolutePath().toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (process.isAlive() && System.nanoTime() < deadline) {
      if (Files.exists(checkpoint)) {
        try {
          byte[] now = Files.readAllBytes(checkpoint);
          if (before == null || !Arrays.equals(before, now)) {
            break;
          }
        } catch (NoSuchFileException renamedMeanwhile) {
          // read again
        }
      }
      Thread.sleep(20);
    }
    boolean finishedFirst = !process.isAlive();
    process.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
    process.waitFor();
    assertFalse("the run ended before it could be killed", finishedFirst);
    assertTrue("a killed run leaves its checkpoint", Files.exists(checkpoint));
    return Files.readAllBytes(checkpoint);
  }

  private void assertSameModel(String whole, String resumed) throws Exception {
    assertArrayEquals(resumed + " differs from " + whole, Files.readAllBytes(dir().resolve(whole)),
        Files.readAllBytes(dir().resolve(resumed)));
    assertFalse("the checkpoint is removed once the model is written",
        Files.exists(dir().resolve(resumed + ".checkpoint")));
    try (Stream<Path> files = Files.list(dir().resolve(resumed).getParent())) {
      List<String> temporaries = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".tmp")).toList();
      assertEquals(List.of(), temporaries);
    }
  }

  @Test
  public void aSingleTaskRunWithLearnedVectorsKilledTwiceResumesToTheSameModel() throws Exception {
    writeConll("train.tsv", SyntheticCorpus.sentences(60, 1));
    writeConll("dev.tsv", SyntheticCorpus.sentences(20, 2));
    // The model records its command line: every run writes to the same name, in its own folder.
    Files.createDirectories(dir().resolve("whole"));
    Files.createDirectories(dir().resolve("killed"));
    List<String> inFolder = List.of("train", "--train", "../train.tsv", "--dev", "../dev.tsv", "--out", "m.model");
    Cli.ok(dir().resolve("whole"), args(inFolder));
    Path checkpoint = dir().resolve("killed/m.model.checkpoint");
    byte[] first = killAfterCheckpoint(dir().resolve("killed"), args(inFolder), checkpoint, null);

    Cli.Result other = Cli.run(dir().resolve("killed"), args(inFolder, "--resume", "--dropout", "0.3"));
    assertEquals(other.toString(), 1, other.exitCode());
    assertTrue(other.toString(), other.err().contains("m.model.checkpoint: written by a run with other options"));
    assertTrue(other.toString(), other.err().contains("network.dropout: 0.5 then, 0.3 now"));

    killAfterCheckpoint(dir().resolve("killed"), args(inFolder, "--resume"), checkpoint, first);
    Cli.Result resumed = Cli.ok(dir().resolve("killed"), args(inFolder, "--resume"));
    assertTrue(resumed.toString(), resumed.out().contains("resuming from"));
    assertTrue(resumed.toString(), resumed.out().contains("as the interrupted run learned them"));
    assertSameModel("whole/m.model", "killed/m.model");
  }

  @Test
  public void aSelfTrainingRunKilledInItsSecondPhaseResumesToTheSameModel() throws Exception {
    writeConll("train.tsv", SyntheticCorpus.sentences(60, 1));
    writeConll("dev.tsv", SyntheticCorpus.sentences(20, 2));
    Cli.ok(dir(), args(List.of("train", "--train", "train.tsv", "--dev", "dev.tsv", "--no-learned-vectors", "--out",
        "start.model")));
    Files.createDirectories(dir().resolve("whole"));
    Files.createDirectories(dir().resolve("killed"));
    // Half the sentences annotated, the other half the unannotated ones the first model tags.
    String[] selfTraining = {"train", "--train", "../train.tsv", "--sample", "0.5", "--dev", "../dev.tsv",
        "--start-from", "../start.model", "--out", "m.model", "--epochs", "4", "--patience", "4", "--batch-size", "8",
        "--learning-rate", "0.01", "--seed", "5", "--threads", "2"};
    Cli.Result whole = Cli.ok(dir().resolve("whole"), selfTraining);
    // By default a contextual teacher (language models, its own first model and round) tags for the last round.
    assertTrue(whole.toString(), whole.out().contains("self-training, round 1: the teacher"));
    Path checkpoint = dir().resolve("killed/m.model.self-training.checkpoint");
    killAfterCheckpoint(dir().resolve("killed"), selfTraining, checkpoint, null);
    List<String> resume = new ArrayList<>(List.of(selfTraining));
    resume.add("--resume");
    Cli.ok(dir().resolve("killed"), resume.toArray(String[]::new));
    assertSameModel("whole/m.model", "killed/m.model");
    assertFalse(Files.exists(checkpoint));
    assertFalse(Files.exists(dir().resolve("killed/m.model.self-training-2.checkpoint")));
    assertFalse(Files.exists(dir().resolve("killed/m.model.teacher.checkpoint")));
    assertFalse(Files.exists(dir().resolve("killed/m.model.teacher-self-training-1.checkpoint")));
  }

  @Test
  public void aWarmStartedDtnRunKilledInItsSourceEpochsResumesToTheSameModel() throws Exception {
    writeConll("source.tsv", SyntheticCorpus.sentences(120, 11));
    writeConll("target.tsv", SyntheticCorpus.sentences(20, 12));
    writeConll("dev.tsv", SyntheticCorpus.sentences(20, 13));
    Files.createDirectories(dir().resolve("whole"));
    Files.createDirectories(dir().resolve("killed"));
    List<String> transfer = List.of("train", "--source", "../source.tsv", "--train", "../target.tsv", "--dev",
        "../dev.tsv", "--scheme", "dtn", "--warm-start", "--source-epochs", "2", "--no-learned-vectors", "--out",
        "m.model");
    Cli.ok(dir().resolve("whole"), args(transfer));
    Path checkpoint = dir().resolve("killed/m.model.checkpoint");
    killAfterCheckpoint(dir().resolve("killed"), args(transfer), checkpoint, null);
    Cli.ok(dir().resolve("killed"), args(transfer, "--resume"));
    assertSameModel("whole/m.model", "killed/m.model");
  }
}
