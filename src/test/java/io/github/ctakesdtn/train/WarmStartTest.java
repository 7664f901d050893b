package io.github.ctakesdtn.train;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.corpus.TagScheme;
import io.github.ctakesdtn.model.LinearChainCrf;
import io.github.ctakesdtn.model.Network;
import io.github.ctakesdtn.model.NetworkConfig;
import io.github.ctakesdtn.model.Routing;
import io.github.ctakesdtn.model.SharingScheme;
import io.github.ctakesdtn.model.TagSet;
import io.github.ctakesdtn.model.Task;
import io.github.ctakesdtn.model.Vocabulary;
import io.github.ctakesdtn.nn.GateObserver;
import io.github.ctakesdtn.nn.Param;
import java.util.List;
import org.junit.Test;

public class WarmStartTest {
  private static final Vocabulary WORDS = new Vocabulary(List.of("the", "patient", "has", "fever", "and", "cough"));
  private static final Vocabulary CHARS = new Vocabulary(List.of("T", "h", "e", "p", "a", "t", "i", "n", "s", "f",
      "v", "r", "C", "o", "u", "g", "d"));
  private static final List<List<String>> SENTENCES =
      List.of(List.of("The", "patient", "has", "fever"), List.of("Cough", "and"));

  private static Network network(SharingScheme scheme, int sourceTags, int targetTags) {
    NetworkConfig shape = new NetworkConfig(NetworkConfig.CNN, 3, 4, 3, 4, 3, 0.0, 25, WORDS.size(), CHARS.size(),
        sourceTags);
    Network network = new Network(shape, targetTags, Routing.of(scheme, sourceTags == targetTags), CHARS, 2.0);
    network.params().initialise(7);
    network.refresh();
    return network;
  }

  private static double[][][] emissions(Network network, Task task) {
    return network.emitter(task, WORDS, GateObserver.NONE).emissions(SENTENCES);
  }

  private static void assertSameEmissions(double[][][] expected, double[][][] actual) {
    for (int s = 0; s < expected.length; s++) {
      for (int t = 0; t < expected[s].length; t++) {
        assertArrayEquals(expected[s][t], actual[s][t], 1e-6);
      }
    }
  }

  @Test
  public void privateTargetCopiesTakeTheSourceCopiesWeights() {
    Network network = network(SharingScheme.of(false, false, false), 5, 5);
    assertFalse(emissions(network, Task.SOURCE)[0][0][0] == emissions(network, Task.TARGET)[0][0][0]);

    List<String> copied = WarmStart.copySourceWeights(network);

    assertEquals(List.of("chars", "words", "emissions"), copied);
    assertSameEmissions(emissions(network, Task.SOURCE), emissions(network, Task.TARGET));
  }

  @Test
  public void dtnTargetCopiesTakeTheSharedWeightsSoTheTargetGatesNoLongerMatter() {
    Network network = network(SharingScheme.DTN, 9, 5);

    List<String> copied = WarmStart.copySourceWeights(network);

    assertFalse("an output head for other labels keeps its own weights", copied.contains("emissions"));
    double[][][] before = emissions(network, Task.TARGET);
    for (Param p : network.params().all()) {
      if (p.tensor().layer().startsWith("target.") && p.tensor().layer().endsWith(".gate")) {
        for (float[] row : p.value()) {
          for (int c = 0; c < row.length; c++) {
            row[c] += 3f;
          }
        }
      }
    }
    network.refresh();
    assertSameEmissions(before, emissions(network, Task.TARGET));
  }

  @Test
  public void theTargetCrfTakesTheSourceCrfOnlyForTheSameLabels() {
    LinearChainCrf source = new LinearChainCrf(new TagSet(TagScheme.IOBES, List.of("Disease")));
    source.transitions()[1][2] = 0.7;
    source.start()[1] = -0.3;
    LinearChainCrf same = new LinearChainCrf(new TagSet(TagScheme.IOBES, List.of("Disease")));
    LinearChainCrf other = new LinearChainCrf(new TagSet(TagScheme.IOBES, List.of("Chemical", "Disease")));

    assertTrue(WarmStart.copyCrf(source, same));
    assertFalse(WarmStart.copyCrf(source, other));
    assertEquals(0.7, same.transitions()[1][2], 0);
    assertEquals(-0.3, same.start()[1], 0);
    assertEquals(0, other.transitions()[1][2], 0);
  }
}
