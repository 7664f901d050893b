package io.github.ctakesdtn.train;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.corpus.TagScheme;
import io.github.ctakesdtn.model.EncodedBatch;
import io.github.ctakesdtn.model.LinearChainCrf;
import io.github.ctakesdtn.model.NetworkConfig;
import io.github.ctakesdtn.model.SharingScheme;
import io.github.ctakesdtn.model.TagSet;
import io.github.ctakesdtn.model.TaskSwitch;
import io.github.ctakesdtn.model.TransferNetwork;
import io.github.ctakesdtn.model.Vocabulary;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;

public class WarmStartTest {
  private static final Vocabulary WORDS = new Vocabulary(List.of("the", "patient", "has", "fever", "and", "cough"));
  private static final Vocabulary CHARS = new Vocabulary(List.of("T", "h", "e", "p", "a", "t", "i", "n", "s", "f",
      "v", "r", "C", "o", "u", "g", "d"));
  private static final EncodedBatch BATCH = new EncodedBatch(
      List.of(List.of("The", "patient", "has", "fever"), List.of("Cough", "and")), WORDS, CHARS, 25, DataType.FLOAT);

  private static ComputationGraph graph(SharingScheme scheme, int sourceTags, int targetTags, TaskSwitch taskSwitch) {
    NetworkConfig shape = new NetworkConfig(NetworkConfig.CNN, 3, 4, 3, 4, 3, 0.0, 25, WORDS.size(), CHARS.size(),
        sourceTags);
    return TransferNetwork.build(shape, targetTags, scheme, taskSwitch, new Sgd(0.1), 0, 2.0, 7, DataType.FLOAT);
  }

  private static INDArray emissions(ComputationGraph graph, TaskSwitch taskSwitch, int task) {
    taskSwitch.select(task);
    return graph.output(false, BATCH.inputs(), BATCH.masks())[0];
  }

  @Test
  public void privateTargetCopiesTakeTheSourceCopiesWeights() {
    TaskSwitch taskSwitch = new TaskSwitch();
    ComputationGraph graph = graph(SharingScheme.of(false, false, false), 5, 5, taskSwitch);
    assertNotEquals(emissions(graph, taskSwitch, TaskSwitch.SOURCE), emissions(graph, taskSwitch, TaskSwitch.TARGET));

    List<String> copied = WarmStart.copySourceWeights(graph);

    assertTrue(copied.toString(), copied.contains("targetEmissions") && copied.contains("targetWordForward"));
    assertEquals(emissions(graph, taskSwitch, TaskSwitch.SOURCE), emissions(graph, taskSwitch, TaskSwitch.TARGET));
  }

  @Test
  public void dtnTargetCopiesTakeTheSharedWeightsSoTheTargetGatesNoLongerMatter() {
    TaskSwitch taskSwitch = new TaskSwitch();
    ComputationGraph graph = graph(SharingScheme.DTN, 9, 5, taskSwitch);

    List<String> copied = WarmStart.copySourceWeights(graph);

    assertFalse("an output head for other labels keeps its own weights", copied.contains("targetEmissions"));
    INDArray before = emissions(graph, taskSwitch, TaskSwitch.TARGET);
    for (String gate : List.of("charsTargetGate", "wordsTargetGate")) {
      graph.getVertex(gate).paramTable(false).values().forEach(p -> p.addi(3.0));
    }
    assertEquals(before, emissions(graph, taskSwitch, TaskSwitch.TARGET));
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
