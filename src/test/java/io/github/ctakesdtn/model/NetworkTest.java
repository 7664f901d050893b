package io.github.ctakesdtn.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.corpus.TagScheme;
import io.github.ctakesdtn.corpus.TokenSpan;
import io.github.ctakesdtn.nn.GateObserver;
import io.github.ctakesdtn.nn.Gradients;
import io.github.ctakesdtn.nn.Param;
import io.github.ctakesdtn.nn.Params;
import io.github.ctakesdtn.nn.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.ClassRule;
import org.junit.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The network's training pass: its loss and gradients equal DL4J's backpropagation for the same
 * parameters (DL4J in double precision, whose gradients NetworkGradientCheckTest holds to finite
 * differences), for every sharing scheme and task and both character encoders; and with dropout
 * on, its gradients match finite differences of its own loss under the same masks.
 */
public class NetworkTest {
  @ClassRule public static final DoublePrecision DOUBLE_PRECISION = new DoublePrecision();

  private static final Vocabulary WORDS = TaggerNetworkTest.WORDS;
  private static final Vocabulary CHARS = TaggerNetworkTest.CHARS;
  private static final TagSet TAGS = new TagSet(TagScheme.IOBES, List.of("A", "B"));
  private static final TagSet OTHER_TAGS = new TagSet(TagScheme.IOBES, List.of("A", "B", "C"));
  private static final List<List<String>> SENTENCES = List.of(
      List.of("The", "patient", "has", "fever", "."),
      List.of("Cough", "and"),
      List.of("fever", "fever", "unknownish", "x", "the", "Patient", "has", "a", "cough", "."));

  private static NetworkConfig shape(String encoder, double dropout, int tags) {
    return new NetworkConfig(encoder, 5, 6, 3, 7, 8, dropout, 25, WORDS.size(), CHARS.size(), tags);
  }

  private static List<int[]> gold(TagSet tags) {
    return List.of(
        tags.encode(5, List.of(new TokenSpan(1, 2, "A"), new TokenSpan(3, 4, "B"))),
        tags.encode(2, List.of(new TokenSpan(0, 1, "B"))),
        tags.encode(10, List.of(new TokenSpan(0, 3, "A"), new TokenSpan(8, 9, "B"))));
  }

  private static List<Network.Example> examples(List<int[]> gold) {
    List<Network.Example> examples = new ArrayList<>();
    for (int s = 0; s < SENTENCES.size(); s++) {
      int[] ids = SENTENCES.get(s).stream().mapToInt(w -> WORDS.index(WordForms.key(w))).toArray();
      examples.add(new Network.Example(SENTENCES.get(s), ids, gold.get(s), s));
    }
    return examples;
  }

  /** Parameters far from their initial scale, so that gates saturate and every path matters. */
  static void randomize(Params params, long seed, double scale) {
    Random random = new Random(seed);
    for (Param p : params.all()) {
      for (float[] row : p.value()) {
        for (int c = 0; c < row.length; c++) {
          row[c] = (float) (random.nextGaussian() * scale);
        }
      }
    }
  }

  private static LinearChainCrf crf(TagSet tags) {
    LinearChainCrf crf = new LinearChainCrf(tags);
    Random random = new Random(3);
    for (double[] row : crf.transitions()) {
      for (int j = 0; j < row.length; j++) {
        row[j] = random.nextGaussian() * 0.5;
      }
    }
    crf.start()[2] = 0.3;
    crf.end()[1] = -0.4;
    return crf;
  }

  @Test
  public void singleTaskGradientsEqualDl4jsForBothCharacterEncoders() {
    for (String encoder : List.of(NetworkConfig.CNN, NetworkConfig.LSTM)) {
      Network network = new Network(shape(encoder, 0, TAGS.size()), TAGS.size(), Routing.singleTask(), CHARS, 0);
      compare(encoder, network, null, Task.TARGET, TAGS);
    }
  }

  @Test
  public void transferGradientsEqualDl4jsForEverySchemeTaskAndEncoder() {
    for (TagSet sourceTags : List.of(TAGS, OTHER_TAGS)) {
      boolean sameLabels = sourceTags == TAGS;
      for (SharingScheme scheme : Dl4jReference.buildableSchemes(sameLabels)) {
        for (String encoder : List.of(NetworkConfig.CNN, NetworkConfig.LSTM)) {
          for (Task task : Task.values()) {
            Network network = new Network(shape(encoder, 0, sourceTags.size()), TAGS.size(),
                Routing.of(scheme, sameLabels), CHARS, 0.5);
            compare(scheme.name() + " " + encoder + " " + task + " same labels " + sameLabels, network, scheme, task,
                task == Task.SOURCE ? sourceTags : TAGS);
          }
        }
      }
    }
  }

  private static void compare(String what, Network network, SharingScheme scheme, Task task, TagSet tags) {
    randomize(network.params(), 5, 0.5);
    network.refresh();
    TaskSwitch taskSwitch = new TaskSwitch();
    taskSwitch.select(task == Task.SOURCE ? TaskSwitch.SOURCE : TaskSwitch.TARGET);
    ComputationGraph graph = Dl4jReference.graphOf(network, TAGS.size(), scheme, taskSwitch, DataType.DOUBLE);
    LinearChainCrf crf = crf(tags);
    List<int[]> gold = gold(tags);

    CrfGradient dl4jCrf = new CrfGradient(tags.size());
    double[] dl4jLoss = new double[1];
    EncodedBatch batch = new EncodedBatch(SENTENCES, WORDS, CHARS, 25, DataType.DOUBLE);
    Gradient dl4j = Dl4jReference.lossAndGradient(graph, crf, batch, gold, dl4jCrf, dl4jLoss);

    Gradients grads = new Gradients(network.params());
    CrfGradient javaCrf = new CrfGradient(tags.size());
    double scale = 1.0 / SENTENCES.size();
    double loss = network.accumulate(task, examples(gold), crf, scale, 1, grads, javaCrf) * scale;

    assertEquals(what + " loss", dl4jLoss[0], loss, 1e-4 * Math.abs(dl4jLoss[0]));
    int compared = 0;
    for (Map.Entry<String, INDArray> entry : dl4j.gradientForVariable().entrySet()) {
      String name = entry.getKey();
      int split = name.lastIndexOf('_');
      Tensor tensor = network.params().tensor(
          LegacyParameters.tensorName(name.substring(0, split), name.substring(split + 1)));
      double[] expected = entry.getValue().dup('c').data().asDouble();
      float[] actual = network.params().gradient(grads, tensor);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(what + " " + tensor.name() + "[" + i + "]", expected[i], actual[i],
            1e-5 + 1e-3 * Math.abs(expected[i]));
      }
      compared++;
    }
    assertTrue(what + ": compared only " + compared + " tensors", compared >= 10);
    for (int i = 0; i < tags.size(); i++) {
      assertEquals(dl4jCrf.start[i], javaCrf.start[i], 1e-5);
      assertEquals(dl4jCrf.end[i], javaCrf.end[i], 1e-5);
      for (int j = 0; j < tags.size(); j++) {
        assertEquals(dl4jCrf.transitions[i][j], javaCrf.transitions[i][j], 1e-5);
      }
    }
  }

  @Test
  public void withContextualEmbeddingsTheTaggingFormScoresWhatTrainingScores() {
    Network network = new Network(shape(NetworkConfig.CNN, 0, TAGS.size()).withContextHidden(3), TAGS.size(),
        Routing.singleTask(), CHARS, 0);
    randomize(network.params(), 5, 0.3);
    network.refresh();
    LinearChainCrf crf = crf(TAGS);
    List<int[]> gold = gold(TAGS);
    double trained = network.accumulate(Task.TARGET, examples(gold), crf, 1, 42, new Gradients(network.params()),
        new CrfGradient(TAGS.size()));
    double[][][] emissions = network.emitter(Task.TARGET, WORDS, GateObserver.NONE).emissions(SENTENCES);
    double tagged = 0;
    for (int s = 0; s < SENTENCES.size(); s++) {
      tagged += crf.negLogLikelihood(emissions[s], gold.get(s), new double[emissions[s].length][TAGS.size()],
          new CrfGradient(TAGS.size()));
    }
    assertEquals(trained, tagged, 1e-3);
    // The same network without the contextual embeddings' inputs scores otherwise: they are read.
    Network plain = new Network(shape(NetworkConfig.CNN, 0, TAGS.size()), TAGS.size(), Routing.singleTask(), CHARS, 0);
    randomize(plain.params(), 5, 0.3);
    plain.refresh();
    double without = plain.accumulate(Task.TARGET, examples(gold), crf, 1, 42, new Gradients(plain.params()),
        new CrfGradient(TAGS.size()));
    assertTrue(Math.abs(without - trained) > 1e-3);
  }

  @Test
  public void withDropoutTheGradientsMatchFiniteDifferencesUnderTheSameMasks() {
    for (int contextHidden : new int[] {0, 3}) {
      for (String encoder : List.of(NetworkConfig.CNN, NetworkConfig.LSTM)) {
        checkWithDropout(encoder, contextHidden);
      }
    }
  }

  /** With contextual embeddings, the word BiLSTM's rows for them are among the parameters checked. */
  private static void checkWithDropout(String encoder, int contextHidden) {
    Network network = new Network(shape(encoder, 0.5, TAGS.size()).withContextHidden(contextHidden), TAGS.size(),
        Routing.of(SharingScheme.DTN, true), CHARS, 0.5);
    randomize(network.params(), 11, 0.3);
    network.refresh();
    LinearChainCrf crf = crf(TAGS);
    List<Network.Example> examples = examples(gold(TAGS));
    Gradients grads = new Gradients(network.params());
    network.accumulate(Task.TARGET, examples, crf, 1, 42, grads, new CrfGradient(TAGS.size()));
    Random pick = new Random(7);
    int checked = 0;
    for (Param p : network.params(Task.TARGET)) {
      for (int k = 0; k < 3; k++) {
        int r = pick.nextInt(p.rows());
        int c = pick.nextInt(p.columns());
        float original = p.value()[r][c];
        float eps = 1e-2f;
        p.value()[r][c] = original + eps;
        network.refresh();
        double plus = loss(network, examples, crf);
        p.value()[r][c] = original - eps;
        network.refresh();
        double minus = loss(network, examples, crf);
        p.value()[r][c] = original;
        network.refresh();
        double numeric = (plus - minus) / (2 * eps);
        double analytic = grads.of(p)[r][c];
        assertEquals(encoder + " context " + contextHidden + " " + p + " [" + r + "][" + c + "]", numeric, analytic,
            2e-3 + 0.05 * Math.abs(numeric));
        checked++;
      }
    }
    assertTrue(checked > 50);
  }

  /** The summed loss with the masks of seed 42, as in the gradient's pass. */
  private static double loss(Network network, List<Network.Example> examples, LinearChainCrf crf) {
    return network.accumulate(Task.TARGET, examples, crf, 1, 42, new Gradients(network.params()),
        new CrfGradient(crf.tags().size()));
  }
}
