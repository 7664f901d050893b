package io.github.ctakesdtn.nn;

/**
 * The DTN gate of one task and parameter group, on one row: {@code g = sigmoid([s; p] W + b)},
 * {@code h = g*s + (1-g)*p}, one gate value per unit. Tensors W [2S, S] (the shared input's rows
 * first) and b [S], b starting at a chosen bias in every unit (a high bias starts the task close
 * to the shared copy).
 */
public final class GateLayer {
  private final String group;
  private final int size;
  private final Param sharedWeights;
  private final Param ownWeights;
  private final Param bias;
  private float[][] sharedWeightsT;
  private float[][] ownWeightsT;

  public GateLayer(Params params, String layer, String group, int size, double initialBias) {
    this.group = group;
    this.size = size;
    Tensor w = Tensor.of(layer, "W", 2 * size, size);
    // Small random weights: every unit's gate starts near sigmoid(initial bias).
    Param.Init weights = new Param.Init(Math.sqrt(1.0 / (2 * size)), 0);
    this.sharedWeights = params.add(new Param(w, size, size, (r, c) -> r * size + c, weights));
    this.ownWeights = params.add(new Param(w, size, size, (r, c) -> (size + r) * size + c, weights));
    this.bias = params.add(Param.matrix(Tensor.of(layer, "b", size), 1, size, Param.Init.constant(initialBias)));
  }

  /** The parameter group this gate mixes (chars, words, emissions). */
  public String group() {
    return group;
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

  /** The mixed output of one row, for tagging: the gate values go to the observer. */
  public float[] mix(float[] shared, float[] own, GateObserver observer) {
    Trace t = forward(shared, own);
    observer.observe(group, t.gate);
    return t.output;
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
