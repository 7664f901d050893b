package io.github.ctakesdtn.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.corpus.TagScheme;
import io.github.ctakesdtn.corpus.TokenSpan;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.ClassRule;
import org.junit.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

public class TransferNetworkTest {
  private static final TagSet SOURCE_TAGS = new TagSet(TagScheme.IOBES, List.of("Chemical", "Disease"));
  private static final TagSet TARGET_TAGS = new TagSet(TagScheme.IOBES, List.of("Disease"));
  @ClassRule public static final DoublePrecision DOUBLE_PRECISION = new DoublePrecision();

  private static NetworkConfig shape(int sourceTags) {
    return new NetworkConfig(NetworkConfig.CNN, 3, 3, 3, 4, 3, 0.0, 25,
        TaggerNetworkTest.WORDS.size(), TaggerNetworkTest.CHARS.size(), sourceTags);
  }

  private static EncodedBatch batch() {
    return new EncodedBatch(List.of(List.of("The", "patient", "has", "fever", "."), List.of("Cough", "and")),
        TaggerNetworkTest.WORDS, TaggerNetworkTest.CHARS, 25, DataType.DOUBLE);
  }

  @Test
  public void everySchemeGivesEachTaskItsOwnEmissions() {
    TaskSwitch taskSwitch = new TaskSwitch();
    List<SharingScheme> schemes = new java.util.ArrayList<>(SharingScheme.staticSchemes(false));
    schemes.add(SharingScheme.DTN);
    for (SharingScheme scheme : schemes) {
      ComputationGraph graph = TransferNetwork.build(shape(SOURCE_TAGS.size()), TARGET_TAGS.size(), scheme, taskSwitch,
          new Sgd(0.1), 0, 0, 1, DataType.DOUBLE);
      EncodedBatch batch = batch();
      taskSwitch.select(TaskSwitch.SOURCE);
      INDArray source = graph.output(false, batch.inputs(), batch.masks())[0];
      taskSwitch.select(TaskSwitch.TARGET);
      INDArray target = graph.output(false, batch.inputs(), batch.masks())[0];
      assertEquals(scheme.name(), SOURCE_TAGS.size(), source.size(1));
      assertEquals(scheme.name(), TARGET_TAGS.size(), target.size(1));
      assertEquals(10, target.size(0));
    }
  }

  @Test
  public void sharingMeansFewerParameters() {
    TaskSwitch taskSwitch = new TaskSwitch();
    long none = TransferNetwork.build(shape(9), 9, SharingScheme.of(false, false, false), taskSwitch, new Sgd(0.1), 0, 0, 1,
        DataType.DOUBLE).params().length();
    long all = TransferNetwork.build(shape(9), 9, SharingScheme.of(true, true, true), taskSwitch, new Sgd(0.1), 0, 0, 1,
        DataType.DOUBLE).params().length();
    long dtn = TransferNetwork.build(shape(9), 9, SharingScheme.DTN, taskSwitch, new Sgd(0.1), 0, 0, 1,
        DataType.DOUBLE).params().length();
    long single = TaggerNetwork.build(shape(9), new Sgd(0.1), 0, 1, DataType.DOUBLE).params().length();
    assertEquals(single, all);
    assertTrue(none > all);
    assertTrue(dtn > none);
  }

  @Test
  public void dtnGradientsMatchFiniteDifferencesForBothTasks() {
    TaskSwitch taskSwitch = new TaskSwitch();
    ComputationGraph graph = TransferNetwork.build(shape(SOURCE_TAGS.size()), TARGET_TAGS.size(), SharingScheme.DTN,
        taskSwitch, new Sgd(0.1), 0, 0, 5, DataType.DOUBLE);
    graph.params().muli(2); // larger weights, so gates are far from 0.5 and the check is sharp
    int[] sourceGold0 = SOURCE_TAGS.encode(5, List.of(new TokenSpan(3, 4, "Disease"), new TokenSpan(1, 2, "Chemical")));
    int[] sourceGold1 = SOURCE_TAGS.encode(2, List.of(new TokenSpan(0, 1, "Disease")));
    taskSwitch.select(TaskSwitch.SOURCE);
    NetworkGradientCheckTest.checkAgainstFiniteDifferences("dtn source", graph, new LinearChainCrf(SOURCE_TAGS),
        batch(), List.of(sourceGold0, sourceGold1));
    int[] targetGold0 = TARGET_TAGS.encode(5, List.of(new TokenSpan(3, 4, "Disease")));
    int[] targetGold1 = TARGET_TAGS.encode(2, List.of());
    taskSwitch.select(TaskSwitch.TARGET);
    NetworkGradientCheckTest.checkAgainstFiniteDifferences("dtn target", graph, new LinearChainCrf(TARGET_TAGS),
        batch(), List.of(targetGold0, targetGold1));
  }
}
