package io.github.ctakesdtn.train;

import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import io.github.ctakesdtn.corpus.TagScheme;
import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.model.NetworkConfig;
import io.github.ctakesdtn.model.SyntheticCorpus;
import io.github.ctakesdtn.model.SharingScheme;
import io.github.ctakesdtn.model.Tagger;
import java.util.List;
import org.junit.Test;

/**
 * A target too small to learn the entity patterns alone (6 sentences), and a source that shows
 * them plenty (240 sentences): real joint training, seconds long, must beat target-only.
 */
public class TransferTrainerTest {
  private static final NetworkConfig SHAPE = new NetworkConfig(NetworkConfig.CNN, 8, 16, 3, 16, 16, 0.2, 25, 0, 0, 0);
  private static final TrainingConfig CONFIG = new TrainingConfig(8, 3, 8, "adam", 0.01, 5.0, 0.3, TagScheme.IOBES, 3);
  private static final List<LabeledSentence> SOURCE = SyntheticCorpus.sentences(240, 11);
  private static final List<LabeledSentence> TARGET = SyntheticCorpus.sentences(6, 12);
  private static final List<LabeledSentence> DEV = SyntheticCorpus.sentences(40, 13);
  private static final List<LabeledSentence> TEST = SyntheticCorpus.sentences(100, 14);

  private static double targetOnly() {
    Trainer.Result result = new Trainer(SHAPE, CONFIG, null, TrainingListener.SILENT).train(TARGET, DEV, new JsonObject());
    return Trainer.f1(new Tagger(result.model()), TEST);
  }

  private static double transfer(SharingScheme scheme, boolean warmStart) {
    TransferTrainer.Result result = new TransferTrainer(SHAPE, CONFIG, scheme, new TransferConfig(1, 3, 2.0, warmStart),
        null, TrainingListener.SILENT).train(SOURCE, TARGET, DEV, new JsonObject());
    return Trainer.f1(new Tagger(result.model()), TEST);
  }

  @Test
  public void sharingWithTheSourceBeatsTheTargetAlone() {
    double alone = targetOnly();
    double shared = transfer(SharingScheme.of(true, true, false), false);
    double dtn = transfer(SharingScheme.DTN, false);
    double warmDtn = transfer(SharingScheme.DTN, true);
    System.out.printf("synthetic transfer, test F1: target-only %.3f, C+W %.3f, dtn %.3f, warm-started dtn %.3f%n",
        alone, shared, dtn, warmDtn);
    assertTrue("target-only " + alone + ", C+W " + shared, shared > alone + 0.1);
    assertTrue("target-only " + alone + ", dtn " + dtn, dtn > alone + 0.1);
    assertTrue("target-only " + alone + ", warm-started dtn " + warmDtn, warmDtn > alone + 0.1);
  }

  @Test
  public void aTransferModelSavesAndLoadsAsItsTargetTagger() throws Exception {
    TrainingConfig oneEpoch = new TrainingConfig(1, 1, 8, "adam", 0.01, 5.0, 0.3, TagScheme.IOB2, 3);
    List<LabeledSentence> diseasesOnly = TARGET.stream().map(s -> new LabeledSentence(s.tokens(),
        s.spans().stream().filter(span -> span.label().equals("Disease")).toList())).toList();
    TransferTrainer.Result result = new TransferTrainer(SHAPE, oneEpoch, SharingScheme.DTN,
        new TransferConfig(1, 1, 0, false), null, TrainingListener.SILENT)
        .train(SOURCE.subList(0, 40), diseasesOnly, DEV, new JsonObject());
    java.nio.file.Path file = java.nio.file.Files.createTempFile("transfer", ".model");
    try {
      io.github.ctakesdtn.model.ModelFile.save(result.model(), file);
      io.github.ctakesdtn.model.TaggerModel back = io.github.ctakesdtn.model.ModelFile.load(file);
      org.junit.Assert.assertEquals("dtn", back.transfer().graphScheme());
      org.junit.Assert.assertEquals(List.of("Disease"), back.tags().labels());
      List<List<String>> sentences = TEST.stream().map(LabeledSentence::tokens).toList();
      org.junit.Assert.assertEquals(new Tagger(result.model()).tag(sentences), new Tagger(back).tag(sentences));
      var gates = io.github.ctakesdtn.model.GateStatistics.of(back, sentences);
      org.junit.Assert.assertEquals(java.util.Set.of("chars", "words"), gates.keySet());
      for (var stat : gates.values()) {
        assertTrue(stat.toString(), stat.mean() > 0 && stat.mean() < 1 && stat.std() >= 0 && stat.count() > 0);
      }
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  @Test
  public void pretrainedVectorsSetTheSharedWordEmbeddingAndItsSize() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("vectors", ".txt");
    try {
      java.nio.file.Files.writeString(file, "2 4\nunseenword 0.5 -0.25 1 2\nthe 1 1 1 1\n");
      EmbeddingTable vectors = EmbeddingTable.read(file, 10);
      TrainingConfig oneEpoch = new TrainingConfig(1, 1, 8, "adam", 0.01, 5.0, 0.3, TagScheme.IOBES, 3);
      TransferTrainer.Result result = new TransferTrainer(SHAPE, oneEpoch, SharingScheme.of(true, true, true),
          new TransferConfig(1, 1, 2.0, false), vectors, TrainingListener.SILENT)
          .train(SOURCE.subList(0, 40), TARGET, DEV, new JsonObject());
      org.junit.Assert.assertEquals(4, result.model().config().wordEmbedding());
      int row = result.model().words().index("unseenword");
      float[][] table = result.model().network().wordEmbedding();
      // No sentence holds the word, so training leaves its vector as the file gave it.
      org.junit.Assert.assertArrayEquals(new float[] {0.5f, -0.25f, 1f, 2f}, table[row], 0f);
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }
}
