package io.github.ctakesdtn.train;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.corpus.TagScheme;
import io.github.ctakesdtn.corpus.TokenSpan;
import io.github.ctakesdtn.model.CrfGradient;
import io.github.ctakesdtn.model.EncodedBatch;
import io.github.ctakesdtn.model.LinearChainCrf;
import io.github.ctakesdtn.model.NetworkConfig;
import io.github.ctakesdtn.model.TagSet;
import io.github.ctakesdtn.model.SharingScheme;
import io.github.ctakesdtn.model.TaggerNetwork;
import io.github.ctakesdtn.model.TaskSwitch;
import io.github.ctakesdtn.model.TransferNetwork;
import io.github.ctakesdtn.model.Vocabulary;
import io.github.ctakesdtn.model.WordForms;
import io.github.ctakesdtn.nn.Gradients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import io.github.ctakesdtn.model.DoublePrecision;
import org.junit.ClassRule;
import org.junit.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The plain-Java training network's loss and gradients equal DL4J's for the same parameters (DL4J
 * in double precision, whose external-error gradients NetworkGradientCheckTest holds to finite
 * differences): every parameter of every layer, and the CRF's.
 */
public class TrainableTaggerTest {
  @ClassRule public static final DoublePrecision DOUBLE_PRECISION = new DoublePrecision();

  private static final Vocabulary WORDS = new Vocabulary(List.of("the", "patient", "has", "fever", "and", "cough", "."));
  private static final Vocabulary CHARS = new Vocabulary(
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.".chars().mapToObj(ch -> String.valueOf((char) ch)).toList());
  private static final TagSet TAGS = new TagSet(TagScheme.IOBES, List.of("A", "B"));
  private static final TagSet OTHER_TAGS = new TagSet(TagScheme.IOBES, List.of("A", "B", "C"));

  @Test
  public void gradientsEqualDl4jsForBothCharacterEncoders() {
    for (String encoder : List.of(NetworkConfig.CNN, NetworkConfig.LSTM)) {
      check(encoder);
    }
  }

  @Test
  public void transferGradientsEqualDl4jsForEverySchemeAndTask() {
    for (TagSet sourceTags : List.of(TAGS, OTHER_TAGS)) {
      boolean sameLabels = sourceTags == TAGS;
      List<SharingScheme> schemes = new ArrayList<>(SharingScheme.staticSchemes(sameLabels));
      schemes.add(SharingScheme.DTN);
      for (SharingScheme scheme : schemes) {
        for (int task : new int[] {TaskSwitch.SOURCE, TaskSwitch.TARGET}) {
          NetworkConfig shape = config(NetworkConfig.CNN).withSizes(WORDS.size(), CHARS.size(), sourceTags.size());
          TaskSwitch taskSwitch = new TaskSwitch();
          taskSwitch.select(task);
          ComputationGraph graph = TransferNetwork.build(shape, TAGS.size(), scheme, taskSwitch, new Sgd(0.1), 0, 0.5, 7,
              DataType.DOUBLE);
          TrainableTagger tagger = TrainableTagger.transfer(shape, TAGS.size(), scheme, CHARS);
          TagSet tags = task == TaskSwitch.SOURCE ? sourceTags : TAGS;
          compare(scheme.name() + " task " + task + " same labels " + sameLabels, graph, tagger, task, tags);
        }
      }
    }
  }

  private static NetworkConfig config(String encoder) {
    return new NetworkConfig(encoder, 5, 6, 3, 7, 8, 0.0, 25, WORDS.size(), CHARS.size(), TAGS.size());
  }

  private static void check(String encoder) {
    ComputationGraph graph = TaggerNetwork.build(config(encoder), new Sgd(0.1), 0, 7, DataType.DOUBLE);
    compare(encoder, graph, TrainableTagger.singleTask(config(encoder), CHARS), 0, TAGS);
  }

  private static void compare(String encoder, ComputationGraph graph, TrainableTagger tagger, int task, TagSet tags) {
    Nd4j.getRandom().setSeed(5);
    graph.setParams(Nd4j.randn(DataType.DOUBLE, 1, graph.params().length()).muli(0.5));
    LinearChainCrf crf = new LinearChainCrf(tags);
    Random random = new Random(3);
    for (double[] row : crf.transitions()) {
      for (int j = 0; j < row.length; j++) {
        row[j] = random.nextGaussian() * 0.5;
      }
    }
    crf.start()[2] = 0.3;
    crf.end()[1] = -0.4;
    List<List<String>> sentences = List.of(
        List.of("The", "patient", "has", "fever", "."),
        List.of("Cough", "and"),
        List.of("fever", "fever", "unknownish", "x", "the", "Patient", "has", "a", "cough", "."));
    List<int[]> gold = List.of(
        tags.encode(5, List.of(new TokenSpan(1, 2, "A"), new TokenSpan(3, 4, "B"))),
        tags.encode(2, List.of(new TokenSpan(0, 1, "B"))),
        tags.encode(10, List.of(new TokenSpan(0, 3, "A"), new TokenSpan(8, 9, "B"))));

    CrfGradient dl4jCrf = new CrfGradient(tags.size());
    double[] dl4jLoss = new double[1];
    EncodedBatch batch = new EncodedBatch(sentences, WORDS, CHARS, 25, DataType.DOUBLE);
    Gradient dl4j = ExternalErrorStep.lossAndGradient(graph, crf, batch, gold, dl4jCrf, dl4jLoss);

    tagger.readFrom(graph);
    List<TrainableTagger.Example> examples = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      int[] ids = sentences.get(s).stream().mapToInt(w -> WORDS.index(WordForms.key(w))).toArray();
      examples.add(new TrainableTagger.Example(sentences.get(s), ids, gold.get(s), s));
    }
    Gradients grads = new Gradients(tagger.params);
    CrfGradient javaCrf = new CrfGradient(tags.size());
    double loss = tagger.accumulate(task, examples, crf, 1.0 / sentences.size(), 1, grads, javaCrf) / sentences.size();

    assertEquals(encoder + " loss", dl4jLoss[0], loss, 1e-4 * Math.abs(dl4jLoss[0]));
    int compared = 0;
    for (Map.Entry<String, INDArray> entry : dl4j.gradientForVariable().entrySet()) {
      String name = entry.getKey();
      int split = name.lastIndexOf('_');
      double[] expected = entry.getValue().dup('c').data().asDouble();
      float[] actual = tagger.params.gradientOf(grads, name.substring(0, split), name.substring(split + 1),
          expected.length);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(encoder + " " + name + "[" + i + "]", expected[i], actual[i], 1e-5 + 1e-3 * Math.abs(expected[i]));
      }
      compared++;
    }
    assertTrue(encoder + ": compared only " + compared + " parameters", compared >= 10);
    for (int i = 0; i < tags.size(); i++) {
      assertEquals(dl4jCrf.start[i], javaCrf.start[i], 1e-5);
      assertEquals(dl4jCrf.end[i], javaCrf.end[i], 1e-5);
      for (int j = 0; j < tags.size(); j++) {
        assertEquals(dl4jCrf.transitions[i][j], javaCrf.transitions[i][j], 1e-5);
      }
    }
  }
}
