package io.github.ctakesdtn.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.ClassRule;
import org.junit.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The DTN gate checked against finite differences by DL4J's own gradient checker, in double precision. */
public class GateVertexTest {
  @ClassRule public static final DoublePrecision DOUBLE_PRECISION = new DoublePrecision();

  private static ComputationGraphConfiguration.GraphBuilder builder() {
    return new NeuralNetConfiguration.Builder().seed(12).dataType(DataType.DOUBLE).updater(new NoOp())
        .weightInit(WeightInit.XAVIER).trainingWorkspaceMode(WorkspaceMode.NONE).inferenceWorkspaceMode(WorkspaceMode.NONE)
        .graphBuilder().addInputs("in");
  }

  @Test
  public void feedForwardGateGradientsAreExact() {
    int h = 4;
    ComputationGraphConfiguration.GraphBuilder g = builder();
    g.addLayer("shared", new DenseLayer.Builder().nIn(3).nOut(h).activation(Activation.TANH).build(), "in");
    g.addLayer("private", new DenseLayer.Builder().nIn(3).nOut(h).activation(Activation.TANH).build(), "in");
    g.addVertex("gate", new GateVertex(h, new NoOp(), 0, 0), "shared", "private");
    g.addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(h).nOut(2)
        .activation(Activation.IDENTITY).build(), "gate");
    ComputationGraph graph = new ComputationGraph(g.setOutputs("out").build());
    graph.init();
    graph.getVertex("gate").params().muli(3); // make the gate far from 0.5 so both paths matter differently
    assertEquals(2 * h * h + h, graph.getVertex("gate").params().length());
    INDArray input = Nd4j.rand(DataType.DOUBLE, 5, 3).subi(0.5);
    INDArray labels = Nd4j.rand(DataType.DOUBLE, 5, 2);
    assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
        .inputs(new INDArray[] {input}).labels(new INDArray[] {labels})
        .epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-10)));
  }

  /**
   * Recurrent inputs: LSTMs into the gate, trained through an external error R on the gate's output
   * (loss = sum(output * R)), every parameter against central differences.
   */
  @Test
  public void recurrentGateGradientsAreExact() {
    int h = 3;
    ComputationGraphConfiguration.GraphBuilder g = builder();
    g.addLayer("shared", new LSTM.Builder().nIn(2).nOut(h).activation(Activation.TANH).build(), "in");
    g.addLayer("private", new LSTM.Builder().nIn(2).nOut(h).activation(Activation.TANH).build(), "in");
    g.addVertex("gate", new GateVertex(h, new NoOp(), 0, 1.5), "shared", "private");
    ComputationGraph graph = new ComputationGraph(g.setOutputs("gate").build());
    graph.init();
    INDArray input = Nd4j.rand(DataType.DOUBLE, 3, 2, 4).subi(0.5);
    INDArray r = Nd4j.rand(DataType.DOUBLE, 3, h, 4).subi(0.5);
    graph.feedForward(new INDArray[] {input}, true, false);
    INDArray analytic = graph.backpropGradient(r).gradient().dup();
    INDArray params = graph.params();
    double eps = 1e-6;
    for (long k = 0; k < params.length(); k++) {
      double original = params.getDouble(k);
      params.putScalar(k, original + eps);
      double plus = graph.output(input)[0].mul(r).sumNumber().doubleValue();
      params.putScalar(k, original - eps);
      double minus = graph.output(input)[0].mul(r).sumNumber().doubleValue();
      params.putScalar(k, original);
      double numeric = (plus - minus) / (2 * eps);
      double a = analytic.getDouble(k);
      assertTrue("parameter " + k + ": analytic " + a + ", numeric " + numeric,
          Math.abs(a - numeric) <= 1e-6 * Math.max(1, Math.abs(a) + Math.abs(numeric)));
    }
  }

  @Test
  public void aGateMixesItsInputsByItsValues() {
    int h = 2;
    ComputationGraphConfiguration.GraphBuilder g = builder();
    g.addInputs("other");
    g.addVertex("gate", new GateVertex(h, new NoOp(), 0, 0), "in", "other");
    ComputationGraph graph = new ComputationGraph(g.setOutputs("gate").build());
    graph.init();
    graph.getVertex("gate").params().assign(0); // W = 0, b = 0: g = 0.5 everywhere
    INDArray shared = Nd4j.create(new double[][] {{1, 2}});
    INDArray own = Nd4j.create(new double[][] {{3, 6}});
    INDArray mixed = graph.output(shared, own)[0];
    assertEquals(Nd4j.create(new double[][] {{2, 4}}), mixed);
  }

  @Test
  public void theInitialBiasSetsTheStartingMix() {
    int h = 3;
    ComputationGraphConfiguration.GraphBuilder g = builder();
    g.addInputs("other");
    g.addVertex("gate", new GateVertex(h, new NoOp(), 0, 2.0), "in", "other");
    ComputationGraph graph = new ComputationGraph(g.setOutputs("gate").build());
    graph.init();
    INDArray bias = graph.getVertex("gate").paramTable(false).get(GateVertex.BIAS);
    assertEquals(Nd4j.valueArrayOf(new long[] {1, h}, 2.0, DataType.DOUBLE), bias);
    graph.getVertex("gate").paramTable(false).get(GateVertex.WEIGHTS).assign(0); // only the bias decides
    INDArray mixed = graph.output(Nd4j.ones(DataType.DOUBLE, 1, h), Nd4j.zeros(DataType.DOUBLE, 1, h))[0];
    assertEquals(1 / (1 + Math.exp(-2)), mixed.getDouble(0, 1), 1e-12);
  }
}
