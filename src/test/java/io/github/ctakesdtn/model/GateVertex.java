package io.github.ctakesdtn.model;

import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.api.TrainingConfig;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * Configuration of a DTN gate: mixes a shared and a private representation of the same size,
 * position by position, {@code g = sigmoid(W [h_s; h_p] + b)}, {@code h = g * h_s + (1 - g) * h_p}
 * ({@code g} has one value per unit). Inputs: shared first, private second, both [B, H] or
 * [B, H, T]. Parameters: {@code W} [2H, H] and {@code b} [1, H], trained by the given updater;
 * {@code b} starts at {@code initialBias} in every unit.
 *
 * <p>Written as a plain vertex with its own parameters and backward pass: a probe of ours
 * found a SameDiffVertex gate's gradients exactly twice too large.
 */
public class GateVertex extends GraphVertex implements TrainingConfig {
  public static final String WEIGHTS = "W";
  public static final String BIAS = "b";

  private int size;
  private IUpdater updater;
  private double clipNorm;
  private double initialBias;
  private String name = "gate";

  /** For DL4J's configuration cloning. */
  public GateVertex() {}

  public GateVertex(int size, IUpdater updater, double clipNorm, double initialBias) {
    this.size = size;
    this.updater = updater;
    this.clipNorm = clipNorm;
    this.initialBias = initialBias;
  }

  public int getSize() {
    return size;
  }

  public void setSize(int size) {
    this.size = size;
  }

  public IUpdater getUpdater() {
    return updater;
  }

  public void setUpdater(IUpdater updater) {
    this.updater = updater;
  }

  public double getClipNorm() {
    return clipNorm;
  }

  public void setClipNorm(double clipNorm) {
    this.clipNorm = clipNorm;
  }

  public double getInitialBias() {
    return initialBias;
  }

  public void setInitialBias(double initialBias) {
    this.initialBias = initialBias;
  }

  @Override
  public GateVertex clone() {
    GateVertex copy = new GateVertex(size, updater == null ? null : updater.clone(), clipNorm, initialBias);
    copy.name = name;
    return copy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GateVertex other && other.size == size && Objects.equals(other.updater, updater)
        && other.clipNorm == clipNorm && other.initialBias == initialBias;
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, updater, clipNorm, initialBias);
  }

  @Override
  public long numParams(boolean backprop) {
    return 2L * size * size + size;
  }

  @Override
  public int minVertexInputs() {
    return 2;
  }

  @Override
  public int maxVertexInputs() {
    return 2;
  }

  @Override
  public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String vertexName,
      int vertexIndex, INDArray paramsView, boolean initializeParams, DataType dataType) {
    name = vertexName;
    return new GateVertexImpl(graph, vertexName, vertexIndex, this, paramsView, initializeParams, dataType);
  }

  @Override
  public InputType getOutputType(int layerIndex, InputType... inputs) {
    return inputs[0];
  }

  @Override
  public MemoryReport getMemoryReport(InputType... inputs) {
    return null;
  }

  // TrainingConfig: how DL4J's updater treats the gate's parameters.

  @Override
  public String getLayerName() {
    return name;
  }

  @Override
  public List<Regularization> getRegularizationByParam(String param) {
    return null;
  }

  @Override
  public boolean isPretrainParam(String param) {
    return false;
  }

  @Override
  public IUpdater getUpdaterByParam(String param) {
    return updater;
  }

  @Override
  public GradientNormalization getGradientNormalization() {
    return clipNorm > 0 ? GradientNormalization.ClipL2PerLayer : GradientNormalization.None;
  }

  @Override
  public double getGradientNormalizationThreshold() {
    return clipNorm > 0 ? clipNorm : 1.0;
  }

  @Override
  public void setDataType(DataType dataType) {
    // parameters take the network's type when instantiated
  }
}
