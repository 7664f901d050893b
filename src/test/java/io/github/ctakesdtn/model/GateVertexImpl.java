package io.github.ctakesdtn.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.api.TrainingConfig;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The running DTN gate ({@link GateVertex}): forward, backward and its parameter views. */
public class GateVertexImpl extends BaseGraphVertex {
  private final GateVertex conf;
  private final int size;
  private INDArray params;
  private INDArray weights;
  private INDArray bias;
  private INDArray gradientView;
  private INDArray weightGradient;
  private INDArray biasGradient;

  GateVertexImpl(ComputationGraph graph, String name, int index, GateVertex conf, INDArray paramsView,
      boolean initializeParams, DataType dataType) {
    super(graph, name, index, null, null, dataType);
    this.conf = conf;
    this.size = conf.getSize();
    this.params = paramsView;
    long w = 2L * size * size;
    weights = slice(paramsView, 0, w).reshape('c', 2L * size, size);
    bias = slice(paramsView, w, w + size).reshape('c', 1, size);
    if (initializeParams) {
      // Small random weights: every unit's gate starts near sigmoid(initial bias).
      weights.assign(org.nd4j.linalg.factory.Nd4j.randn(dataType, 2L * size, size).muli(Math.sqrt(1.0 / (2 * size))));
      bias.assign(conf.getInitialBias());
    }
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
  public TrainingConfig getConfig() {
    return conf;
  }

  @Override
  public long numParams() {
    return params.length();
  }

  @Override
  public INDArray params() {
    return params;
  }

  @Override
  public Map<String, INDArray> paramTable(boolean backpropOnly) {
    Map<String, INDArray> table = new LinkedHashMap<>();
    table.put(GateVertex.WEIGHTS, weights);
    table.put(GateVertex.BIAS, bias);
    return table;
  }

  @Override
  public INDArray getGradientsViewArray() {
    return gradientView;
  }

  @Override
  public boolean updaterDivideByMinibatch(String param) {
    return true;
  }

  @Override
  public void setBackpropGradientsViewArray(INDArray view) {
    gradientView = view;
    long w = 2L * size * size;
    weightGradient = slice(view, 0, w).reshape('c', 2L * size, size);
    biasGradient = slice(view, w, w + size).reshape('c', 1, size);
  }

  /** A view of elements [from, to) of a flat (rank 1 or [1, n]) parameter or gradient vector. */
  private static INDArray slice(INDArray flat, long from, long to) {
    return flat.reshape(flat.length()).get(NDArrayIndex.interval(from, to));
  }

  /** Rows of [B, H] stay; [B, H, T] becomes [B*T, H] with row {@code b * T + t}. */
  private static INDArray rows(INDArray x) {
    return x.rank() == 2 ? x : x.permute(0, 2, 1).dup('c').reshape('c', x.size(0) * x.size(2), x.size(1));
  }

  private static INDArray unrows(INDArray rows, INDArray like) {
    return like.rank() == 2 ? rows : rows.reshape('c', like.size(0), like.size(2), like.size(1)).permute(0, 2, 1).dup('f');
  }

  /** The gate values [N, H] for the current inputs (also used to report the learned sharing). */
  public INDArray gateValues(INDArray shared, INDArray own) {
    INDArray x = org.nd4j.linalg.factory.Nd4j.hstack(rows(shared), rows(own));
    return Transforms.sigmoid(x.mmul(weights).addiRowVector(bias), false);
  }

  @Override
  public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
    INDArray shared = rows(inputs[0]);
    INDArray own = rows(inputs[1]);
    INDArray g = gateValues(inputs[0], inputs[1]);
    INDArray mixed = g.mul(shared).addi(g.rsub(1.0).muli(own));
    return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, unrows(mixed, inputs[0]));
  }

  @Override
  public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
    INDArray shared = rows(inputs[0]);
    INDArray own = rows(inputs[1]);
    INDArray error = rows(epsilon);
    INDArray x = org.nd4j.linalg.factory.Nd4j.hstack(shared, own);
    INDArray g = gateValues(inputs[0], inputs[1]);
    // h = g*s + (1-g)*p: dh/dg = s - p; dg/dz = g(1-g)
    INDArray dz = error.mul(shared.sub(own)).muli(g).muli(g.rsub(1.0));
    weightGradient.assign(x.transpose().mmul(dz));
    biasGradient.assign(dz.sum(true, 0));
    INDArray dx = dz.mmul(weights.transpose());
    INDArray dShared = error.mul(g).addi(dx.get(NDArrayIndex.all(), NDArrayIndex.interval(0, size)));
    INDArray dOwn = error.mul(g.rsub(1.0)).addi(dx.get(NDArrayIndex.all(), NDArrayIndex.interval(size, 2L * size)));
    Gradient gradient = new DefaultGradient(gradientView);
    gradient.gradientForVariable().put(GateVertex.WEIGHTS, weightGradient);
    gradient.gradientForVariable().put(GateVertex.BIAS, biasGradient);
    return new Pair<>(gradient, new INDArray[] {
        workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, unrows(dShared, inputs[0])),
        workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, unrows(dOwn, inputs[1]))});
  }

  @Override
  public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] masks, MaskState state, int batchSize) {
    return masks == null || masks.length == 0 ? new Pair<>(null, state) : new Pair<>(masks[0], state);
  }

  @Override
  public String toString() {
    return "GateVertex(" + getVertexName() + ", size " + size + ")";
  }
}
