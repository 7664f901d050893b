package io.github.ctakesdtn.model;

import io.github.ctakesdtn.nn.Params;
import io.github.ctakesdtn.nn.Tensor;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The DL4J implementation of the tagger network that tests hold the plain-Java {@link Network} to:
 * the graph for the same shape and sharing scheme ({@link TaggerNetwork}, {@link TransferNetwork}),
 * with the Java network's parameters copied in, its emissions, and its loss and gradients through
 * DL4J's backpropagation of the CRF's gradient as an external error.
 */
public final class Dl4jReference {
  private Dl4jReference() {}

  /** Every scheme a transfer network can be built with: the static ones the labels allow, and DTN. */
  public static List<SharingScheme> buildableSchemes(boolean sameLabels) {
    List<SharingScheme> schemes = new java.util.ArrayList<>(SharingScheme.staticSchemes(sameLabels));
    schemes.add(SharingScheme.DTN);
    return schemes;
  }

  /**
   * The DL4J graph of a network's shape and scheme ({@code scheme} null for a single-task network),
   * holding the network's parameter values, routed to {@code task}.
   */
  public static ComputationGraph graphOf(Network network, int targetTags, SharingScheme scheme, TaskSwitch taskSwitch,
      DataType dataType) {
    ComputationGraph graph = scheme == null
        ? TaggerNetwork.build(network.shape(), new Sgd(0), 0, 1, dataType)
        : TransferNetwork.build(network.shape(), targetTags, scheme, taskSwitch, new Sgd(0), 0, 0, 1, dataType);
    copyInto(network.params(), graph);
    return graph;
  }

  /** Copies every tensor into the DL4J vertex parameter it stands for (see {@link LegacyParameters#tensorName}). */
  public static void copyInto(Params params, ComputationGraph graph) {
    int copied = 0;
    for (GraphVertex vertex : graph.getVertices()) {
      Map<String, INDArray> table = vertex.paramTable(false);
      if (table == null) {
        continue;
      }
      for (Map.Entry<String, INDArray> entry : table.entrySet()) {
        Tensor tensor = params.tensor(LegacyParameters.tensorName(vertex.getVertexName(), entry.getKey()));
        float[] values = params.values(tensor);
        INDArray target = entry.getValue();
        // Row-major values of the logical shape; DL4J's character CNN kernel reads its 'c' buffer in our order.
        target.assign(Nd4j.create(values, target.shape(), 'c').castTo(target.dataType()));
        copied++;
      }
    }
    if (copied != params.tensors().size()) {
      throw new IllegalStateException("copied " + copied + " of " + params.tensors().size() + " tensors");
    }
  }

  /** Emission scores [sentence][token][tag] of the graph in inference mode. */
  public static double[][][] emissions(ComputationGraph graph, TaggerModel model, List<List<String>> sentences) {
    EncodedBatch batch = new EncodedBatch(sentences, model.words(), model.chars(), model.config().maxWordLength(),
        DataType.FLOAT);
    INDArray output = graph.output(false, batch.inputs(), batch.masks())[0];
    double[] flat = output.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    int tags = (int) output.size(1);
    double[][][] emissions = new double[sentences.size()][][];
    for (int b = 0; b < sentences.size(); b++) {
      emissions[b] = new double[batch.length(b)][tags];
      for (int t = 0; t < batch.length(b); t++) {
        System.arraycopy(flat, batch.row(b, t) * tags, emissions[b][t], 0, tags);
      }
    }
    return emissions;
  }

  /**
   * Forward and backward pass without changing any parameter: returns DL4J's gradient, puts the
   * mean NLL into {@code lossOut[0]} and ADDS the CRF's gradient (of the mean) into {@code crfGradient}.
   */
  public static Gradient lossAndGradient(ComputationGraph graph, LinearChainCrf crf, EncodedBatch batch,
      List<int[]> gold, CrfGradient crfGradient, double[] lossOut) {
    graph.setLayerMaskArrays(batch.masks(), null);
    try {
      Map<String, INDArray> activations = graph.feedForward(batch.inputs(), true, false);
      INDArray emissions = activations.get(graph.getConfiguration().getNetworkOutputs().get(0));
      DataType type = emissions.dataType();
      double[] flat = emissions.castTo(DataType.DOUBLE).dup('c').data().asDouble();
      int tags = (int) emissions.size(1);
      double[] errors = new double[flat.length];
      double scale = 1.0 / batch.batchSize();
      CrfGradient sentenceGradient = new CrfGradient(tags);
      double loss = 0;
      for (int b = 0; b < batch.batchSize(); b++) {
        int length = batch.length(b);
        double[][] e = new double[length][tags];
        for (int t = 0; t < length; t++) {
          System.arraycopy(flat, batch.row(b, t) * tags, e[t], 0, tags);
        }
        double[][] dE = new double[length][tags];
        loss += crf.negLogLikelihood(e, gold.get(b), dE, sentenceGradient);
        for (int t = 0; t < length; t++) {
          int offset = batch.row(b, t) * tags;
          for (int j = 0; j < tags; j++) {
            errors[offset + j] = dE[t][j] * scale;
          }
        }
      }
      crfGradient.addScaled(sentenceGradient, scale);
      lossOut[0] = loss * scale;
      return graph.backpropGradient(Nd4j.create(errors, emissions.shape(), 'c').castTo(type));
    } finally {
      graph.clearLayerMaskArrays();
    }
  }
}
