package io.github.ctakesdtn.train;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import io.github.ctakesdtn.corpus.LabelTypeMapping;
import io.github.ctakesdtn.corpus.TagScheme;
import io.github.ctakesdtn.model.LinearChainCrf;
import io.github.ctakesdtn.model.Network;
import io.github.ctakesdtn.model.NetworkConfig;
import io.github.ctakesdtn.model.Routing;
import io.github.ctakesdtn.model.SharingScheme;
import io.github.ctakesdtn.model.TagSet;
import io.github.ctakesdtn.model.TaggerModel;
import io.github.ctakesdtn.model.Task;
import io.github.ctakesdtn.model.TransferSpec;
import io.github.ctakesdtn.model.Vocabulary;
import io.github.ctakesdtn.nn.GateObserver;
import java.util.List;
import java.util.Random;
import org.junit.Test;

public class PretrainedStartTest {
  private static final List<List<String>> SENTENCES =
      List.of(List.of("The", "patient", "has", "fever"), List.of("cough", "and", "fever"));
  private static final Vocabulary DONOR_WORDS = new Vocabulary(List.of("the", "patient", "has", "fever", "and", "cough"));
  private static final Vocabulary DONOR_CHARS = new Vocabulary(List.of("T", "h", "e", "p", "a", "t", "i", "n", "s", "f",
      "v", "r", "o", "u", "g", "d", "c"));
  /** The same words and characters in another order, with some the donor never saw. */
  private static final Vocabulary NEW_WORDS = new Vocabulary(List.of("aspirin", "fever", "cough", "and", "has",
      "patient", "the"));
  private static final Vocabulary NEW_CHARS = new Vocabulary(List.of("x", "T", "a", "c", "d", "e", "f", "g", "h", "i",
      "n", "o", "p", "r", "s", "t", "u", "v"));

  private static NetworkConfig shape(int words, int chars, int tags, int wordHidden) {
    return new NetworkConfig(NetworkConfig.CNN, 3, 4, 3, 4, wordHidden, 0.0, 25, words, chars, tags);
  }

  private static TaggerModel donor(List<String> labels) {
    TagSet tags = new TagSet(TagScheme.IOBES, labels);
    NetworkConfig config = shape(DONOR_WORDS.size(), DONOR_CHARS.size(), tags.size(), 3);
    Network network = TaggerModel.network(config, tags, DONOR_CHARS, null, 0);
    network.params().initialise(7);
    network.refresh();
    LinearChainCrf crf = new LinearChainCrf(tags);
    Random random = new Random(3);
    double[] flat = new double[CrfParameters.size(tags.size())];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = random.nextGaussian();
    }
    CrfParameters.set(crf, flat);
    return new TaggerModel(config, tags, DONOR_WORDS, DONOR_CHARS, network, crf, List.of(), new JsonObject());
  }

  private record Started(Network network, LinearChainCrf crf, PretrainedStart.Copied copied) {}

  private static Started start(TaggerModel donor, List<String> labels) {
    TagSet tags = new TagSet(TagScheme.IOBES, labels);
    PretrainedStart start = new PretrainedStart(donor, LabelTypeMapping.defaults());
    NetworkConfig config = start.shapeFor(0.0, 0).withSizes(NEW_WORDS.size(), NEW_CHARS.size(), tags.size());
    Network network = TaggerModel.network(config, tags, NEW_CHARS, null, 0);
    network.params().initialise(11);
    network.refresh();
    LinearChainCrf crf = new LinearChainCrf(tags);
    return new Started(network, crf, start.copyInto(network, NEW_WORDS, NEW_CHARS, crf));
  }

  private static double[][][] emissions(Network network, Vocabulary words) {
    return network.emitter(Task.TARGET, words, GateObserver.NONE).emissions(SENTENCES);
  }

  @Test
  public void theNewNetworkTagsKnownWordsExactlyAsTheTrainedOneDoesWhateverTheVocabularyOrder() {
    TaggerModel donor = donor(List.of("Disease"));
    Started started = start(donor, List.of("Disease"));

    double[][][] expected = emissions(donor.network(), DONOR_WORDS);
    double[][][] actual = emissions(started.network(), NEW_WORDS);
    for (int s = 0; s < expected.length; s++) {
      for (int t = 0; t < expected[s].length; t++) {
        assertArrayEquals(expected[s][t], actual[s][t], 1e-6);
      }
    }
    assertArrayEquals(donor.crf().start(), started.crf().start(), 0);
    assertArrayEquals(donor.crf().transitions()[2], started.crf().transitions()[2], 0);
    assertEquals(new PretrainedStart.Copied(6, 17, 5), started.copied());
  }

  @Test
  public void aLabelTakesTheTrainedLabelThatBecomesTheSameCtakesType() {
    // The bundled model's labels are cTAKES type names; a corpus's Disease becomes DiseaseDisorderMention.
    TaggerModel donor = donor(List.of("DiseaseDisorderMention", "MedicationMention"));
    Started started = start(donor, List.of("Disease", "Procedure"));

    assertEquals("O and the four Disease tags", 5, started.copied().tags());
    double[][][] expected = emissions(donor.network(), DONOR_WORDS);
    double[][][] actual = emissions(started.network(), NEW_WORDS);
    TagSet donorTags = donor.tags();
    TagSet newTags = new TagSet(TagScheme.IOBES, List.of("Disease", "Procedure"));
    for (int tag = 0; tag < newTags.size(); tag++) {
      String name = newTags.tag(tag).toString();
      if (name.endsWith("Procedure")) {
        assertNotEquals("a new label's scores keep their fresh start", expected[0][1][1], actual[0][1][tag], 1e-6);
        continue;
      }
      int old = donorTags.tagNames().indexOf(name.replace("Disease", "DiseaseDisorderMention"));
      assertEquals(name, expected[0][1][old], actual[0][1][tag], 1e-6);
    }
  }

  @Test
  public void everyCopyOfADtnNetworkStartsFromTheTrainedOneSoItsGatesDoNotMatter() {
    TaggerModel donor = donor(List.of("Disease"));
    PretrainedStart start = new PretrainedStart(donor, LabelTypeMapping.defaults());
    TagSet source = new TagSet(TagScheme.IOBES, List.of("Chemical", "Disease"));
    TagSet target = new TagSet(TagScheme.IOBES, List.of("Disease"));
    NetworkConfig shape = start.shapeFor(0.0, 0).withSizes(NEW_WORDS.size(), NEW_CHARS.size(), source.size());
    Network network = new Network(shape, target.size(), Routing.of(SharingScheme.DTN, false), NEW_CHARS, 0.0);
    network.params().initialise(11);
    network.refresh();

    start.copyInto(network, NEW_WORDS, NEW_CHARS, new LinearChainCrf(source), new LinearChainCrf(target));

    double[][][] expected = emissions(donor.network(), DONOR_WORDS);
    double[][][] actual = emissions(network, NEW_WORDS);
    for (int s = 0; s < expected.length; s++) {
      for (int t = 0; t < expected[s].length; t++) {
        assertArrayEquals(expected[s][t], actual[s][t], 1e-6);
      }
    }
  }

  @Test
  public void refusesAModelOfOtherLayerSizesAndATransferModel() {
    TaggerModel donor = donor(List.of("Disease"));
    TagSet tags = new TagSet(TagScheme.IOBES, List.of("Disease"));
    Network wider = TaggerModel.network(shape(NEW_WORDS.size(), NEW_CHARS.size(), tags.size(), 5), tags, NEW_CHARS,
        null, 0);
    IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class, () ->
        new PretrainedStart(donor, LabelTypeMapping.defaults()).copyInto(wider, NEW_WORDS, NEW_CHARS,
            new LinearChainCrf(tags)));
    assertTrue(sizes.getMessage(), sizes.getMessage().contains("in the model to start from"));

    TaggerModel transfer = new TaggerModel(donor.config(), donor.tags(), donor.words(), donor.chars(), donor.network(),
        donor.crf(), List.of(), new JsonObject(), new TransferSpec("dtn", "dtn", List.of("Chemical")));
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () ->
        new PretrainedStart(transfer, LabelTypeMapping.defaults()));
    assertTrue(refused.getMessage(), refused.getMessage().contains("single-task"));
  }
}
