package io.github.ctakesdtn.model.fused;

/**
 * The DTN gate ({@link io.github.ctakesdtn.model.GateVertex}) for one task:
 * {@code g = sigmoid([s; p] W + b)}, {@code h = g*s + (1-g)*p}, one gate value per unit.
 */
final class Gate {
  private final Dense gate;
  private final int size;

  Gate(float[] w, float[] b) {
    this.gate = new Dense(w, b);
    this.size = b.length;
  }

  /** Mixes rows [rows, size] of the shared and the private outputs. */
  float[] mix(float[] shared, float[] own, int rows) {
    float[] both = new float[rows * 2 * size];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(shared, r * size, both, r * 2 * size, size);
      System.arraycopy(own, r * size, both, r * 2 * size + size, size);
    }
    float[] g = gate.apply(both, rows);
    float[] mixed = new float[rows * size];
    for (int i = 0; i < mixed.length; i++) {
      float gi = FastMath.sigmoid(g[i]);
      mixed[i] = gi * shared[i] + (1 - gi) * own[i];
    }
    return mixed;
  }
}
