package io.github.ctakesdtn.model;

import java.util.function.Function;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToRnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.RnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The tagger for a source and a target task in one graph. Each parameter group (C: character
 * embedding and encoder; W: word BiLSTM; O: emissions) is built as the {@link SharingScheme} says:
 * one shared copy; a source and a target copy picked by a {@link TaskSelectVertex}; or, for DTN,
 * all three with a {@link GateVertex} per task mixing shared and private, then picked. The word
 * embedding table is shared. With different label sets the output group is always private (one
 * head per task, different widths). The graph's one output gives the emissions of the task the
 * {@link TaskSwitch} names.
 */
public final class TransferNetwork {
  private static final String SHARED = "shared";
  private static final String SOURCE = "source";
  private static final String TARGET = "target";

  private TransferNetwork() {}

  /**
   * @param shape network sizes; its tag count is the source task's
   * @param targetTags the target task's tag count
   * @param gateBias DTN only: the gates' initial bias
   */
  public static ComputationGraph build(NetworkConfig shape, int targetTags, SharingScheme scheme, TaskSwitch taskSwitch,
      IUpdater updater, double clipNorm, double gateBias, long seed, DataType dataType) {
    boolean sameLabels = shape.tagCount() == targetTags;
    if (scheme.sharedOutput() && !sameLabels) {
      throw new IllegalArgumentException("scheme " + scheme.name() + " shares the output, but the tasks have different tag sets");
    }
    ComputationGraphConfiguration.GraphBuilder g = TaggerNetwork.graphBuilder(updater, clipNorm, seed, dataType);
    Group group = new Group(g, scheme.dynamic(), taskSwitch, updater, clipNorm, gateBias);

    g.addLayer("wordEmbedding", new EmbeddingSequenceLayer.Builder()
        .nIn(shape.wordVocabularySize()).nOut(shape.wordEmbedding()).build(), TaggerNetwork.WORDS);
    String chars = group.build("chars", scheme.sharedChars(), shape.charFeatures(),
        copy -> TaggerNetwork.charEncoder(g, shape, copy));
    g.addVertex("charSequence", new PreprocessorVertex(new FeedForwardToRnnPreProcessor()), chars);
    g.addVertex("features", new MergeVertex(), "wordEmbedding", "charSequence");
    g.addLayer("featuresDropout", TaggerNetwork.dropout(shape), "features");

    int features = shape.wordEmbedding() + shape.charFeatures();
    String words = group.build("words", scheme.sharedWords(), 2 * shape.wordHidden(), copy -> {
      TaggerNetwork.biLstm(g, copy + "Word", features, shape.wordHidden(), "featuresDropout", TaggerNetwork.WORDS);
      return copy + "WordBiLstm";
    });
    g.addLayer("wordDropout", TaggerNetwork.dropout(shape), words);

    Function<String, String> head = copy -> {
      int tags = copy.equals(TARGET) ? targetTags : shape.tagCount();
      g.addLayer(copy + "Emissions", TaggerNetwork.emissions(shape, tags), new RnnToFeedForwardPreProcessor(),
          "wordDropout");
      return copy + "Emissions";
    };
    String emissions = sameLabels
        ? group.build("emissions", scheme.sharedOutput(), shape.tagCount(), head)
        : group.privateCopies("emissions", head);
    g.setOutputs(emissions);

    ComputationGraph graph = new ComputationGraph(g.build());
    graph.init();
    return graph;
  }

  /** Builds one parameter group shared, private or gated; returns the vertex giving the active task's output. */
  private record Group(ComputationGraphConfiguration.GraphBuilder g, boolean dynamic, TaskSwitch taskSwitch,
      IUpdater updater, double clipNorm, double gateBias) {

    String build(String name, boolean shared, int size, Function<String, String> copy) {
      if (dynamic) {
        String common = copy.apply(SHARED);
        String source = copy.apply(SOURCE);
        String target = copy.apply(TARGET);
        g.addVertex(name + "SourceGate", new GateVertex(size, updater, clipNorm, gateBias), common, source);
        g.addVertex(name + "TargetGate", new GateVertex(size, updater, clipNorm, gateBias), common, target);
        return select(name, name + "SourceGate", name + "TargetGate");
      }
      return shared ? copy.apply(SHARED) : privateCopies(name, copy);
    }

    String privateCopies(String name, Function<String, String> copy) {
      return select(name, copy.apply(SOURCE), copy.apply(TARGET));
    }

    private String select(String name, String source, String target) {
      g.addVertex(name + "Select", new TaskSelectVertex(taskSwitch), source, target);
      return name + "Select";
    }
  }
}
