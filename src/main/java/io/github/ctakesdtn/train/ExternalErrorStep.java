package io.github.ctakesdtn.train;

import io.github.ctakesdtn.model.CrfGradient;
import io.github.ctakesdtn.model.EncodedBatch;
import io.github.ctakesdtn.model.LinearChainCrf;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One training step of network + CRF: DL4J computes the emissions, the Java CRF computes the
 * negative log-likelihood and its gradient with respect to the emissions, and that gradient goes
 * back into the network as its external error. The loss is the mean NLL per sentence.
 */
public final class ExternalErrorStep {
  private ExternalErrorStep() {}

  /**
   * Forward and backward pass without changing any parameter: returns the mean NLL, leaves the
   * network gradient in the returned {@link Gradient} and ADDS the CRF gradient into {@code crfGradient}.
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
      addScaled(crfGradient, sentenceGradient, scale);
      lossOut[0] = loss * scale;
      INDArray epsilon = Nd4j.create(errors, emissions.shape(), 'c').castTo(type);
      return graph.backpropGradient(epsilon);
    } finally {
      graph.clearLayerMaskArrays();
    }
  }

  /** A full step: gradients, DL4J's updater (Adam/SGD, per-layer clipping) on the network, ours on the CRF. */
  public static double step(ComputationGraph graph, LinearChainCrf crf, EncodedBatch batch, List<int[]> gold,
      int iteration, int epoch, ParameterOptimizer crfOptimizer) {
    CrfGradient crfGradient = new CrfGradient(crf.start().length);
    double[] loss = new double[1];
    Gradient gradient = lossAndGradient(graph, crf, batch, gold, crfGradient, loss);
    graph.getUpdater().update(gradient, iteration, epoch, batch.batchSize(), LayerWorkspaceMgr.noWorkspaces());
    graph.params().subi(gradient.gradient());
    double[] crfParams = CrfParameters.of(crf);
    crfOptimizer.step(crfParams, CrfParameters.of(crfGradient));
    CrfParameters.set(crf, crfParams);
    return loss[0];
  }

  static void addScaled(CrfGradient into, CrfGradient from, double scale) {
    for (int i = 0; i < from.start.length; i++) {
      into.start[i] += from.start[i] * scale;
      into.end[i] += from.end[i] * scale;
      for (int j = 0; j < from.start.length; j++) {
        into.transitions[i][j] += from.transitions[i][j] * scale;
      }
    }
  }
}
