package io.github.ctakesdtn.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.corpus.TagScheme;
import io.github.ctakesdtn.corpus.TokenSpan;
import io.github.ctakesdtn.nn.Gradients;
import io.github.ctakesdtn.nn.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.Test;

public class WordShapeTest {
  private static final TagSet TAGS = new TagSet(TagScheme.IOBES, List.of("A", "B"));
  private static final List<List<String>> SENTENCES = List.of(
      List.of("CHIEF", "COMPLAINT", ":", "Chest", "pain", "."),
      List.of("Metformin", "500", "mg", "x2", "BID"),
      List.of("carcinoma", "and", "anemia", "in", "BRCA1", "carriers"));

  @Test
  public void casingClassesSeparateWhatAFeatureCrfWouldSeparate() {
    Set<Integer> classes = new TreeSet<>();
    for (String word : List.of("500", "12a", "x2", "pain", "CHIEF", "Chest", "mRNA", ":")) {
      classes.add(WordShape.casing(word));
    }
    assertEquals(8, classes.size());
    assertEquals(WordShape.casing("COMPLAINT"), WordShape.casing("BID"));
    assertNotEquals(WordShape.casing("Metformin"), WordShape.casing("metformin"));
  }

  @Test
  public void rowsFallInTheirOwnRangesAndShareAffixes() {
    int[] carcinoma = WordShape.rows("carcinoma");
    int[] melanoma = WordShape.rows("Melanoma");
    assertTrue(carcinoma[0] < WordShape.CASINGS);
    assertTrue(carcinoma[1] >= WordShape.CASINGS && carcinoma[1] < WordShape.CASINGS + WordShape.AFFIX_BUCKETS);
    assertTrue(carcinoma[2] >= WordShape.CASINGS + WordShape.AFFIX_BUCKETS && carcinoma[2] < WordShape.ROWS);
    assertEquals("both end in -oma", carcinoma[2], melanoma[2]);
    assertNotEquals(carcinoma[0], melanoma[0]);
    assertEquals("rows depend on the word only", carcinoma[1], WordShape.rows("CARcinoma")[1]);
  }

  private static Network network(double dropout) {
    NetworkConfig shape = new NetworkConfig(NetworkConfig.CNN, 5, 6, 3, 7, 8, dropout, 25,
        TaggerNetworkTest.WORDS.size(), TaggerNetworkTest.CHARS.size(), TAGS.size(), 4);
    Network network = new Network(shape, TAGS.size(), Routing.singleTask(), TaggerNetworkTest.CHARS, 0);
    NetworkTest.randomize(network.params(), 3, 0.4);
    network.refresh();
    return network;
  }

  private static List<Network.Example> examples() {
    List<Network.Example> examples = new ArrayList<>();
    for (int s = 0; s < SENTENCES.size(); s++) {
      List<String> tokens = SENTENCES.get(s);
      int[] ids = tokens.stream().mapToInt(w -> TaggerNetworkTest.WORDS.index(WordForms.key(w))).toArray();
      int[] gold = TAGS.encode(tokens.size(), List.of(new TokenSpan(0, 2, "A"), new TokenSpan(3, 4, "B")));
      examples.add(new Network.Example(tokens, ids, gold, s));
    }
    return examples;
  }

  private static double loss(Network network, List<Network.Example> examples, LinearChainCrf crf) {
    return network.accumulate(Task.TARGET, examples, crf, 1, 42, new Gradients(network.params()),
        new CrfGradient(TAGS.size()));
  }

  @Test
  public void shapeEmbeddingGradientsMatchFiniteDifferences() {
    Network network = network(0.5);
    LinearChainCrf crf = new LinearChainCrf(TAGS);
    List<Network.Example> examples = examples();
    Gradients grads = new Gradients(network.params());
    network.accumulate(Task.TARGET, examples, crf, 1, 42, grads, new CrfGradient(TAGS.size()));
    Param shapes = network.params().all().stream().filter(p -> p.toString().startsWith("wordShape")).findFirst()
        .orElseThrow();
    int checked = 0;
    int nonZero = 0;
    for (List<String> sentence : SENTENCES) {
      for (String word : sentence) {
        for (int row : WordShape.rows(word)) {
          for (int c = 0; c < shapes.columns(); c += 3) {
            float original = shapes.value()[row][c];
            float eps = 1e-2f;
            shapes.value()[row][c] = original + eps;
            double plus = loss(network, examples, crf);
            shapes.value()[row][c] = original - eps;
            double minus = loss(network, examples, crf);
            shapes.value()[row][c] = original;
            double numeric = (plus - minus) / (2 * eps);
            assertEquals(word + " row " + row, numeric, grads.of(shapes)[row][c], 2e-3 + 0.05 * Math.abs(numeric));
            nonZero += Math.abs(numeric) > 1e-4 ? 1 : 0;
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 50);
    assertTrue("dropout leaves most shape inputs in play: " + nonZero + " of " + checked, nonZero > checked / 3);
  }

  @Test
  public void taggingSeesTheSameShapeFeaturesAsTraining() {
    Network network = network(0);
    LinearChainCrf crf = new LinearChainCrf(TAGS);
    List<Network.Example> examples = examples();
    double[][][] emissions = network.emitter(Task.TARGET, TaggerNetworkTest.WORDS, io.github.ctakesdtn.nn.GateObserver.NONE).emissions(SENTENCES);
    double fromEmitter = 0;
    for (int s = 0; s < SENTENCES.size(); s++) {
      double[][] dE = new double[emissions[s].length][TAGS.size()];
      fromEmitter += crf.negLogLikelihood(emissions[s], examples.get(s).gold(), dE, new CrfGradient(TAGS.size()));
    }
    assertEquals(loss(network, examples, crf), fromEmitter, 1e-3);
  }
}
