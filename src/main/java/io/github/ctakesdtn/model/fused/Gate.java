package io.github.ctakesdtn.model.fused;

import io.github.ctakesdtn.nn.Activations;
import io.github.ctakesdtn.nn.Kernels;
import java.util.Arrays;

/**
 * The DTN gate ({@link io.github.ctakesdtn.model.GateVertex}) for one task:
 * {@code g = sigmoid([s; p] W + b)}, {@code h = g*s + (1-g)*p}, one gate value per unit.
 */
final class Gate {
  private final float[][] sharedWeights;
  private final float[][] ownWeights;
  private final float[] b;

  /** From the vertex's flat row-major W [2S, S] and b [S]. */
  Gate(float[] w, float[] b) {
    int size = b.length;
    float[][] rows = Kernels.rows(w, size);
    this.sharedWeights = Arrays.copyOfRange(rows, 0, size);
    this.ownWeights = Arrays.copyOfRange(rows, size, 2 * size);
    this.b = b;
  }

  /** Mixes one row of the shared and of the private output. */
  float[] mix(float[] shared, float[] own) {
    float[] mixed = b.clone();
    Kernels.multiplyAdd(shared, 0, sharedWeights, mixed);
    Kernels.multiplyAdd(own, 0, ownWeights, mixed);
    Activations.sigmoid(mixed);
    for (int i = 0; i < mixed.length; i++) {
      mixed[i] = mixed[i] * shared[i] + (1 - mixed[i]) * own[i];
    }
    return mixed;
  }

  /** Mixes rows of the shared and of the private outputs. */
  float[][] mix(float[][] shared, float[][] own) {
    float[][] mixed = new float[shared.length][];
    for (int r = 0; r < shared.length; r++) {
      mixed[r] = mix(shared[r], own[r]);
    }
    return mixed;
  }
}
