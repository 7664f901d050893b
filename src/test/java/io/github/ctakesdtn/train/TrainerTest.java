package io.github.ctakesdtn.train;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import io.github.ctakesdtn.corpus.TagScheme;
import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.model.NetworkConfig;
import io.github.ctakesdtn.model.SyntheticCorpus;
import io.github.ctakesdtn.model.TaggedSpan;
import io.github.ctakesdtn.model.Tagger;
import io.github.ctakesdtn.nn.Params;
import io.github.ctakesdtn.nn.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.Test;

/** Real (small, seconds-long) training on a corpus written here. */
public class TrainerTest {
  static Trainer.Result trainSmall(TagScheme scheme, long seed, List<TrainingListener.EpochReport> epochs) {
    return trainSmall(scheme, seed, epochs, 12);
  }

  /** 240 sentences, passed 5 times per epoch ({@link Trainer#MIN_EPOCH_SENTENCES}). */
  static Trainer.Result trainSmall(TagScheme scheme, long seed, List<TrainingListener.EpochReport> epochs,
      int maxEpochs) {
    NetworkConfig shape = new NetworkConfig(NetworkConfig.CNN, 8, 16, 3, 16, 16, 0.2, 25, 0, 0, 0);
    TrainingConfig config = new TrainingConfig(maxEpochs, 4, 8, "adam", 0.01, 5.0, 0.3, scheme, seed)
        .withThreads(2);
    return new Trainer(shape, config, null, epochs::add)
        .train(SyntheticCorpus.sentences(240, 1), SyntheticCorpus.sentences(60, 2), new JsonObject());
  }

  @Test
  public void learnsTheSyntheticEntitiesNearlyPerfectly() {
    List<TrainingListener.EpochReport> epochs = new ArrayList<>();
    Trainer.Result result = trainSmall(TagScheme.IOBES, 5, epochs);
    List<LabeledSentence> test = SyntheticCorpus.sentences(100, 3);
    double testF1 = Trainer.f1(new Tagger(result.model()), test);
    assertTrue("test F1 " + testF1 + " after " + epochs, testF1 > 0.95);
    assertTrue(epochs.get(epochs.size() - 1).meanLoss() < epochs.get(0).meanLoss());
    assertEquals(result.bestDevF1(), epochs.stream().mapToDouble(TrainingListener.EpochReport::devF1).max().orElseThrow(), 0);
  }

  @Test
  public void withAveragedWeightsItLearnsThemToo() {
    NetworkConfig shape = new NetworkConfig(NetworkConfig.CNN, 8, 16, 3, 16, 16, 0.2, 25, 0, 0, 0);
    TrainingConfig config = new TrainingConfig(12, 4, 8, "adam", 0.01, 5.0, 0.3, TagScheme.IOBES, 5)
        .withThreads(2).withAverageDecay(0.99);
    Trainer.Result result = new Trainer(shape, config, null, TrainingListener.SILENT)
        .train(SyntheticCorpus.sentences(240, 1), SyntheticCorpus.sentences(60, 2), new JsonObject());
    double testF1 = Trainer.f1(new Tagger(result.model()), SyntheticCorpus.sentences(100, 3));
    assertTrue("test F1 " + testF1, testF1 > 0.95);
  }

  @Test
  public void aDecayingLearningRateStepsAsTheConstantOneInTheFirstEpochOnly() {
    NetworkConfig shape = new NetworkConfig(NetworkConfig.CNN, 4, 4, 3, 8, 8, 0.3, 25, 0, 0, 0);
    TrainingConfig constant = new TrainingConfig(2, 2, 8, "adam", 0.01, 5.0, 0.3, TagScheme.IOB2, 21).withThreads(1);
    List<LabeledSentence> train = SyntheticCorpus.sentences(60, 1);
    List<LabeledSentence> dev = SyntheticCorpus.sentences(10, 2);
    List<TrainingListener.EpochReport> flat = new ArrayList<>();
    List<TrainingListener.EpochReport> decayed = new ArrayList<>();
    new Trainer(shape, constant, null, flat::add).train(train, dev, new JsonObject());
    new Trainer(shape, constant.withLearningRateDecay(1.0), null, decayed::add).train(train, dev, new JsonObject());
    assertEquals(flat.get(0).meanLoss(), decayed.get(0).meanLoss(), 0);
    assertTrue("epoch 2 at half the rate: " + flat + " " + decayed,
        flat.get(1).meanLoss() != decayed.get(1).meanLoss());
    assertEquals(0.005, constant.withLearningRateDecay(1.0).learningRateAt(2), 1e-12);
  }

  @Test
  public void sentencesWhoseEveryTagIsOpenCostNothing() {
    NetworkConfig shape = new NetworkConfig(NetworkConfig.CNN, 4, 4, 3, 8, 8, 0.3, 25, 0, 0, 0);
    TrainingConfig config = new TrainingConfig(2, 2, 8, "adam", 0.01, 5.0, 0.3, TagScheme.IOB2, 21).withThreads(1);
    List<LabeledSentence> open = SyntheticCorpus.sentences(60, 1).stream()
        .map(s -> new LabeledSentence(s.tokens(), s.spans(), IntStream.range(0, s.tokens().size()).boxed().toList()))
        .toList();
    List<TrainingListener.EpochReport> epochs = new ArrayList<>();
    new Trainer(shape, config, null, epochs::add).train(open, SyntheticCorpus.sentences(10, 2), new JsonObject());
    for (TrainingListener.EpochReport epoch : epochs) {
      assertEquals(epochs.toString(), 0.0, epoch.meanLoss(), 1e-9);
    }
  }

  @Test
  public void theThreadCountDoesNotChangeTheModel() {
    NetworkConfig shape = new NetworkConfig(NetworkConfig.CNN, 4, 4, 3, 8, 8, 0.3, 25, 0, 0, 0);
    TrainingConfig config = new TrainingConfig(2, 2, 8, "adam", 0.01, 5.0, 0.3, TagScheme.IOB2, 21);
    List<LabeledSentence> train = SyntheticCorpus.sentences(60, 1);
    List<LabeledSentence> dev = SyntheticCorpus.sentences(10, 2);
    Trainer.Result one = new Trainer(shape, config.withThreads(1), null, TrainingListener.SILENT)
        .train(train, dev, new JsonObject());
    Trainer.Result three = new Trainer(shape, config.withThreads(3), null, TrainingListener.SILENT)
        .train(train, dev, new JsonObject());
    assertSameParameters(one, three);
  }

  @Test
  public void confidencesAreProbabilitiesAndHighOnEasyMentions() {
    Trainer.Result result = trainSmall(TagScheme.IOB2, 6, new ArrayList<>());
    List<List<TaggedSpan>> tagged = new Tagger(result.model())
        .tag(List.of(List.of("the", "patient", "was", "given", "vancomycin", "for", "acute", "nephritis")));
    assertEquals(2, tagged.get(0).size());
    for (TaggedSpan span : tagged.get(0)) {
      assertTrue(span.toString(), span.confidence() > 0.5 && span.confidence() <= 1.0 + 1e-9);
    }
  }

  @Test
  public void theSameSeedTrainsTheSameModel() {
    NetworkConfig shape = new NetworkConfig(NetworkConfig.LSTM, 4, 4, 3, 8, 8, 0.3, 25, 0, 0, 0);
    TrainingConfig config = new TrainingConfig(2, 2, 8, "adam", 0.01, 5.0, 0.3, TagScheme.IOB2, 21);
    List<LabeledSentence> train = SyntheticCorpus.sentences(60, 1);
    List<LabeledSentence> dev = SyntheticCorpus.sentences(10, 2);
    Trainer.Result a = new Trainer(shape, config, null, TrainingListener.SILENT).train(train, dev, new JsonObject());
    Trainer.Result b = new Trainer(shape, config, null, TrainingListener.SILENT).train(train, dev, new JsonObject());
    assertSameParameters(a, b);
    for (int i = 0; i < a.model().crf().start().length; i++) {
      org.junit.Assert.assertArrayEquals(a.model().crf().transitions()[i], b.model().crf().transitions()[i], 0);
    }
  }

  static void assertSameParameters(Trainer.Result a, Trainer.Result b) {
    Params pa = a.model().network().params();
    Params pb = b.model().network().params();
    for (Tensor tensor : pa.tensors()) {
      org.junit.Assert.assertArrayEquals(tensor.name(), pa.values(tensor), pb.values(tensor), 0f);
    }
  }
}
