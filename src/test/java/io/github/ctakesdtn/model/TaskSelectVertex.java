package io.github.ctakesdtn.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Passes on the source-task input (first) or the target-task input (second), as the
 * {@link TaskSwitch} says; in backpropagation the other input gets a zero error. The two inputs
 * may differ in shape (e.g. emissions over different tag sets).
 */
public class TaskSelectVertex extends GraphVertex {
  private transient TaskSwitch taskSwitch;

  /** For DL4J's configuration cloning. */
  public TaskSelectVertex() {}

  public TaskSelectVertex(TaskSwitch taskSwitch) {
    this.taskSwitch = taskSwitch;
  }

  @Override
  public TaskSelectVertex clone() {
    return new TaskSelectVertex(taskSwitch);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaskSelectVertex other && other.taskSwitch == taskSwitch;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(taskSwitch);
  }

  @Override
  public long numParams(boolean backprop) {
    return 0;
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
  public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int index,
      INDArray paramsView, boolean initializeParams, DataType dataType) {
    return new Impl(graph, name, index, taskSwitch, dataType);
  }

  @Override
  public InputType getOutputType(int layerIndex, InputType... inputs) {
    return inputs[TaskSwitch.TARGET];
  }

  @Override
  public MemoryReport getMemoryReport(InputType... inputs) {
    return null;
  }

  /** The running vertex. */
  static final class Impl extends BaseGraphVertex {
    private final TaskSwitch taskSwitch;

    Impl(ComputationGraph graph, String name, int index, TaskSwitch taskSwitch, DataType dataType) {
      super(graph, name, index, null, null, dataType);
      this.taskSwitch = taskSwitch;
    }

    @Override
    public boolean hasLayer() {
      return false;
    }

    @Override
    public Layer getLayer() {
      return null;
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
      return workspaceMgr.dup(ArrayType.ACTIVATIONS, inputs[taskSwitch.task()]);
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
      INDArray[] errors = new INDArray[2];
      int chosen = taskSwitch.task();
      errors[chosen] = workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, epsilon);
      INDArray other = inputs[1 - chosen];
      errors[1 - chosen] = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, other.dataType(), other.shape(), other.ordering());
      errors[1 - chosen].assign(0);
      return new Pair<>(new DefaultGradient(), errors);
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray view) {
      // no parameters
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] masks, MaskState state, int batchSize) {
      return masks == null ? new Pair<>(null, state) : new Pair<>(masks[taskSwitch.task()], state);
    }

    @Override
    public String toString() {
      return "TaskSelectVertex(" + getVertexName() + ")";
    }
  }
}
