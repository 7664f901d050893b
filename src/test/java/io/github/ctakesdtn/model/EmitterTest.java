package io.github.ctakesdtn.model;

import static org.junit.Assert.assertEquals;

import com.google.gson.JsonObject;
import io.github.ctakesdtn.corpus.TagScheme;
import io.github.ctakesdtn.nn.GateObserver;
import io.github.ctakesdtn.uima.ModelRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The network's tagging form gives the DL4J graph's emissions (the same parameters copied in),
 * for every network shape we build, and for the bundled model.
 */
public class EmitterTest {
  private static final double TOLERANCE = 1e-4;
  private static final TagSet TAGS = new TagSet(TagScheme.IOBES, List.of("Disease", "Drug"));
  private static final TagSet OTHER_TAGS = new TagSet(TagScheme.IOBES, List.of("Chemical", "Disease", "Gene"));

  private static NetworkConfig shape(String encoder, int tags) {
    return new NetworkConfig(encoder, 6, 7, 3, 8, 9, 0.5, 12, TaggerNetworkTest.WORDS.size(),
        TaggerNetworkTest.CHARS.size(), tags);
  }

  /** Known and unknown words, one-letter words, words longer than the character limit, unknown characters. */
  private static List<List<String>> randomSentences(long seed) {
    Random random = new Random(seed);
    List<String> known = TaggerNetworkTest.WORDS.symbols();
    String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-0é";
    List<List<String>> sentences = new ArrayList<>();
    for (int s = 0; s < 7; s++) {
      List<String> sentence = new ArrayList<>();
      int length = 1 + random.nextInt(s == 0 ? 1 : 14);
      for (int t = 0; t < length; t++) {
        if (random.nextBoolean()) {
          sentence.add(known.get(random.nextInt(known.size())));
        } else {
          StringBuilder word = new StringBuilder();
          int chars = 1 + random.nextInt(random.nextInt(4) == 0 ? 20 : 6);
          for (int k = 0; k < chars; k++) {
            word.append(letters.charAt(random.nextInt(letters.length())));
          }
          sentence.add(word.toString());
        }
      }
      sentences.add(sentence);
    }
    return sentences;
  }

  private static void assertAgree(String what, TaggerModel model, SharingScheme scheme, List<List<String>> sentences) {
    ComputationGraph graph = Dl4jReference.graphOf(model.network(), model.tags().size(), scheme, new TaskSwitch(),
        DataType.FLOAT);
    double[][][] expected = Dl4jReference.emissions(graph, model, sentences);
    double[][][] actual = model.network().emitter(Task.TARGET, model.words(), GateObserver.NONE).emissions(sentences);
    assertEquals(what, expected.length, actual.length);
    for (int s = 0; s < expected.length; s++) {
      assertEquals(what + " sentence " + s, expected[s].length, actual[s].length);
      for (int t = 0; t < expected[s].length; t++) {
        for (int j = 0; j < expected[s][t].length; j++) {
          assertEquals(what + " sentence " + s + " token " + t + " tag " + j, expected[s][t][j], actual[s][t][j],
              TOLERANCE);
        }
      }
    }
  }

  private static TaggerModel singleTask(String encoder, long seed) {
    NetworkConfig config = shape(encoder, TAGS.size());
    Network network = new Network(config, TAGS.size(), Routing.singleTask(), TaggerNetworkTest.CHARS, 0);
    NetworkTest.randomize(network.params(), seed, 0.8);
    network.refresh();
    return new TaggerModel(config, TAGS, TaggerNetworkTest.WORDS, TaggerNetworkTest.CHARS, network,
        new LinearChainCrf(TAGS), List.of(), new JsonObject());
  }

  private static TaggerModel transfer(String encoder, SharingScheme scheme, TagSet sourceTags, long seed) {
    Network network = new Network(shape(encoder, sourceTags.size()), TAGS.size(),
        Routing.of(scheme, sourceTags == TAGS), TaggerNetworkTest.CHARS, 0.5);
    NetworkTest.randomize(network.params(), seed, 0.8);
    network.refresh();
    return new TaggerModel(shape(encoder, TAGS.size()), TAGS, TaggerNetworkTest.WORDS, TaggerNetworkTest.CHARS,
        network, new LinearChainCrf(TAGS), List.of(), new JsonObject(),
        new TransferSpec(scheme.name(), scheme.name(), sourceTags.labels()));
  }

  @Test
  public void singleTaskNetworksAgreeWithDl4j() {
    for (String encoder : List.of(NetworkConfig.CNN, NetworkConfig.LSTM)) {
      for (long seed = 1; seed <= 3; seed++) {
        assertAgree(encoder + " seed " + seed, singleTask(encoder, seed), null, randomSentences(seed));
      }
    }
  }

  @Test
  public void transferNetworksFollowTheTargetPathAsDl4jDoes() {
    for (TagSet sourceTags : List.of(TAGS, OTHER_TAGS)) {
      boolean sameLabels = sourceTags == TAGS;
      for (SharingScheme scheme : Dl4jReference.buildableSchemes(sameLabels)) {
        for (String encoder : List.of(NetworkConfig.CNN, NetworkConfig.LSTM)) {
          assertAgree(scheme.name() + " " + encoder + " same labels " + sameLabels,
              transfer(encoder, scheme, sourceTags, 5), scheme, randomSentences(5));
        }
      }
    }
  }

  @Test
  public void theBundledTrainedModelAgreesWithDl4j() throws IOException {
    TaggerModel model = ModelRegistry.tagger(ModelRegistry.DEFAULT_MODEL).model();
    List<List<String>> sentences = List.of(
        List.of("Naloxone", "reverses", "the", "antihypertensive", "effect", "of", "clonidine", "."),
        List.of("Cisplatin", "-", "induced", "nephrotoxicity", "was", "seen", "in", "3", "of", "12", "patients"),
        List.of("No", "evidence", "of", "hepatitis", "B", "or", "acute", "renal", "failure", "."));
    assertAgree("default model", model, null, sentences);
    List<List<String>> random = randomSentences(9);
    assertAgree("default model, random words", model, null, random);
  }
}
