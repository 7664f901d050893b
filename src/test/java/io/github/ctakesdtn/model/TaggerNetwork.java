package io.github.ctakesdtn.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.graph.rnn.ReverseTimeSeriesVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToRnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.RnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Builds the tagger as a DL4J ComputationGraph.
 *
 * <pre>
 * words [B, T] ─ word embedding ───────────────────────────┐
 * chars [T*B, C] ─ char embedding ─ CNN+max or BiLSTM ─ to [B, F, T] ─ merge ─ dropout ─ BiLSTM ─ dropout ─ emissions [T*B, tags]
 * </pre>
 *
 * Rows of the character input and of the emissions are ordered {@code t * B + b} (DL4J's order
 * between feed-forward and time-series layouts). The backward LSTMs are built from
 * {@link ReverseTimeSeriesVertex} around a forward LSTM, since DL4J's {@code Bidirectional}
 * wrapper ignores the mask inside a ComputationGraph; padding is always at the end of a sequence,
 * where these causal layers cannot reach real positions. The CRF is not in the graph: its
 * gradient comes back as the emissions' external error.
 */
public final class TaggerNetwork {
  public static final String WORDS = "words";
  public static final String CHARS = "chars";
  public static final String EMISSIONS = "emissions";

  private TaggerNetwork() {}

  public static ComputationGraph build(NetworkConfig c, IUpdater updater, double clipNorm, long seed, DataType dataType) {
    ComputationGraphConfiguration.GraphBuilder g = graphBuilder(updater, clipNorm, seed, dataType);

    g.addLayer("wordEmbedding", new EmbeddingSequenceLayer.Builder()
        .nIn(c.wordVocabularySize()).nOut(c.wordEmbedding()).build(), WORDS);
    String charFeatures = charEncoder(g, c, "");
    g.addVertex("charSequence", new PreprocessorVertex(new FeedForwardToRnnPreProcessor()), charFeatures);
    g.addVertex("features", new MergeVertex(), "wordEmbedding", "charSequence");
    g.addLayer("featuresDropout", dropout(c), "features");

    int features = c.wordEmbedding() + c.charFeatures();
    biLstm(g, "word", features, c.wordHidden(), "featuresDropout", WORDS);
    g.addLayer("wordDropout", dropout(c), "wordBiLstm");
    g.addLayer(EMISSIONS, emissions(c, c.tagCount()), new RnnToFeedForwardPreProcessor(), "wordDropout");
    g.setOutputs(EMISSIONS);

    ComputationGraph graph = new ComputationGraph(g.build());
    graph.init();
    return graph;
  }

  /** The shared settings of every tagger graph, with the word and character inputs declared. */
  static ComputationGraphConfiguration.GraphBuilder graphBuilder(IUpdater updater, double clipNorm, long seed,
      DataType dataType) {
    return new NeuralNetConfiguration.Builder()
        .seed(seed)
        .dataType(dataType)
        .updater(updater)
        .weightInit(WeightInit.XAVIER)
        .gradientNormalization(clipNorm > 0 ? GradientNormalization.ClipL2PerLayer : GradientNormalization.None)
        .gradientNormalizationThreshold(clipNorm > 0 ? clipNorm : 1.0)
        // Training without workspaces: with them, the dropout masks kept for backpropagation through
        // external errors are gone by the time backpropGradient runs ("Op [multiply] execution failed").
        // Measured on ncbi-disease (800 sentences, batch 16, no dropout): 53 sentences/s without, 45 with.
        .trainingWorkspaceMode(WorkspaceMode.NONE)
        .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
        .graphBuilder()
        .addInputs(WORDS, CHARS);
  }

  static DenseLayer emissions(NetworkConfig c, int tags) {
    return new DenseLayer.Builder().nIn(2 * c.wordHidden()).nOut(tags).activation(Activation.IDENTITY).build();
  }

  /**
   * A character embedding and encoder whose vertex names start with {@code prefix} (none in the
   * single-task network); returns the name of its [T*B, F] features vertex.
   */
  static String charEncoder(ComputationGraphConfiguration.GraphBuilder g, NetworkConfig c, String prefix) {
    g.addLayer(prefix + "charEmbedding", new EmbeddingSequenceLayer.Builder()
        .nIn(c.charVocabularySize()).nOut(c.charEmbedding()).build(), CHARS);
    return c.charEncoder().equals(NetworkConfig.CNN) ? charCnn(g, c, prefix) : charBiLstm(g, c, prefix);
  }

  static Layer dropout(NetworkConfig c) {
    if (c.dropout() == 0) {
      // DL4J's dropout that keeps everything fails in backprop (no mask is made); identity is the same function.
      return new ActivationLayer.Builder().activation(Activation.IDENTITY).build();
    }
    // DL4J's Dropout takes the probability of KEEPING an activation.
    return new DropoutLayer.Builder().dropOut(new Dropout(1.0 - c.dropout())).build();
  }

  private static String charCnn(ComputationGraphConfiguration.GraphBuilder g, NetworkConfig c, String p) {
    g.addLayer(p + "charCnn", new Convolution1DLayer.Builder()
        .nIn(c.charEmbedding()).nOut(c.charHidden()).kernelSize(c.cnnWidth())
        .convolutionMode(ConvolutionMode.Same).activation(Activation.TANH).build(), p + "charEmbedding");
    g.addLayer(p + "charPool", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), p + "charCnn");
    return p + "charPool";
  }

  private static String charBiLstm(ComputationGraphConfiguration.GraphBuilder g, NetworkConfig c, String p) {
    g.addLayer(p + "charForward", new LSTM.Builder()
        .nIn(c.charEmbedding()).nOut(c.charHidden()).activation(Activation.TANH).build(), p + "charEmbedding");
    g.addVertex(p + "charForwardLast", new LastTimeStepVertex(CHARS), p + "charForward");
    g.addVertex(p + "charReversed", new ReverseTimeSeriesVertex(CHARS), p + "charEmbedding");
    g.addLayer(p + "charBackward", new LSTM.Builder()
        .nIn(c.charEmbedding()).nOut(c.charHidden()).activation(Activation.TANH).build(), p + "charReversed");
    g.addVertex(p + "charBackwardLast", new LastTimeStepVertex(CHARS), p + "charBackward");
    g.addVertex(p + "charBiLstm", new MergeVertex(), p + "charForwardLast", p + "charBackwardLast");
    return p + "charBiLstm";
  }

  /** A BiLSTM named {@code prefix + "BiLstm"}: forward LSTM and reverse-LSTM-reverse, outputs concatenated. */
  static void biLstm(ComputationGraphConfiguration.GraphBuilder g, String prefix, int nIn, int hidden, String input,
      String maskInput) {
    g.addLayer(prefix + "Forward", new LSTM.Builder().nIn(nIn).nOut(hidden).activation(Activation.TANH).build(), input);
    g.addVertex(prefix + "Reversed", new ReverseTimeSeriesVertex(maskInput), input);
    g.addLayer(prefix + "BackwardReversed", new LSTM.Builder()
        .nIn(nIn).nOut(hidden).activation(Activation.TANH).build(), prefix + "Reversed");
    g.addVertex(prefix + "Backward", new ReverseTimeSeriesVertex(maskInput), prefix + "BackwardReversed");
    g.addVertex(prefix + "BiLstm", new MergeVertex(), prefix + "Forward", prefix + "Backward");
  }
}
