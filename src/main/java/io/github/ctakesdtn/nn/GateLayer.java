package io.github.ctakesdtn.nn;

/**
 * The DTN gate ({@code io.github.ctakesdtn.model.GateVertex}) for training, on one row:
 * {@code g = sigmoid([s; p] W + b)}, {@code h = g*s + (1-g)*p}, W [2S, S] as two matrices [S][S].
 */
public final class GateLayer {
  private final int size;
  private final Param sharedWeights;
  private final Param ownWeights;
  private final Param bias;
  private float[][] sharedWeightsT;
  private float[][] ownWeightsT;

  public GateLayer(Params params, String vertex, int size) {
    this.size = size;
    this.sharedWeights = params.add(new Param(vertex, "W", size, size, (r, c) -> r * size + c));
    this.ownWeights = params.add(new Param(vertex, "W", size, size, (r, c) -> (size + r) * size + c));
    this.bias = params.add(Param.matrix(vertex, "b", 1, size));
  }

  public void refresh() {
    sharedWeightsT = Kernels.transpose(sharedWeights.value);
    ownWeightsT = Kernels.transpose(ownWeights.value);
  }

  /** The inputs, the gate values and the mixed output of one row. */
  public record Trace(float[] shared, float[] own, float[] gate, float[] output) {}

  public Trace forward(float[] shared, float[] own) {
    float[] g = bias.value[0].clone();
    Kernels.multiplyAdd(shared, 0, sharedWeights.value, g);
    Kernels.multiplyAdd(own, 0, ownWeights.value, g);
    Activations.sigmoid(g);
    float[] h = new float[size];
    for (int i = 0; i < size; i++) {
      h[i] = g[i] * shared[i] + (1 - g[i]) * own[i];
    }
    return new Trace(shared, own, g, h);
  }

  /** Adds the parameters' gradients, and the inputs' into {@code dShared} and {@code dOwn}. */
  public void backward(Trace t, float[] dh, float[] dShared, float[] dOwn, Gradients grads) {
    float[] dz = new float[size];
    for (int i = 0; i < size; i++) {
      dz[i] = dh[i] * (t.shared[i] - t.own[i]) * t.gate[i] * (1 - t.gate[i]);
      dShared[i] += dh[i] * t.gate[i];
      dOwn[i] += dh[i] * (1 - t.gate[i]);
    }
    Kernels.outerAdd(t.shared, 0, size, dz, grads.of(sharedWeights), 0);
    Kernels.outerAdd(t.own, 0, size, dz, grads.of(ownWeights), 0);
    Kernels.add(dz, grads.of(bias)[0]);
    Kernels.multiplyAdd(dz, 0, sharedWeightsT, dShared);
    Kernels.multiplyAdd(dz, 0, ownWeightsT, dOwn);
  }
}
