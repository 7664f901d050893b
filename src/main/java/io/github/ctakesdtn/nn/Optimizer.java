package io.github.ctakesdtn.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (or plain SGD) over a {@link Params}, with DL4J's {@code ClipL2PerLayer} semantics: the
 * gradients of each layer (the tensors of one {@link Tensor#layer}) are scaled down together when
 * their L2 norm exceeds the threshold. Adam follows DL4J's form: {@code lr_t = lr * sqrt(1 - b2^t) / (1 - b1^t)},
 * {@code p -= lr_t * m / (sqrt(v) + eps)}. A step updates only the parameters it is given (those of
 * the task whose batch it was), each with its own step count t: in transfer training the other
 * task's private parameters stay where they are, where one DL4J updater over the whole graph would
 * move them by their momentum.
 */
public final class Optimizer {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private final boolean adam;
  private double learningRate;
  private final double clipNorm;
  private final float[][][] m;
  private final float[][][] v;
  private final int[] t;

  /**
   * @param adam Adam, or SGD when false
   * @param clipNorm per-layer L2 threshold, or 0 for none
   */
  public Optimizer(Params params, boolean adam, double learningRate, double clipNorm) {
    this.adam = adam;
    this.learningRate = learningRate;
    this.clipNorm = clipNorm;
    this.t = new int[params.all().size()];
    this.m = new float[params.all().size()][][];
    this.v = new float[params.all().size()][][];
    for (Param p : params.all()) {
      m[p.index] = new float[p.rows()][p.columns()];
      v[p.index] = new float[p.rows()][p.columns()];
    }
  }

  /** The step size from now on (a schedule's; the moments and step counts carry on). */
  public void setLearningRate(double learningRate) {
    this.learningRate = learningRate;
  }

  /**
   * What the next steps depend on besides the parameters: Adam's first and second moments and each
   * parameter's step count, indexed by the parameters' positions in their {@link Params}. The
   * arrays are the optimizer's own: read them before the next step.
   */
  public record State(float[][][] firstMoments, float[][][] secondMoments, int[] steps) {}

  public State state() {
    return new State(m, v, t);
  }

  /** Continues from a state {@link #state()} gave (of an optimizer over the same parameters). */
  public void restore(State state) {
    if (state.steps().length != t.length) {
      throw new IllegalArgumentException("an optimizer state for " + state.steps().length + " parameters, not "
          + t.length);
    }
    System.arraycopy(state.steps(), 0, t, 0, t.length);
    copy(state.firstMoments(), m);
    copy(state.secondMoments(), v);
  }

  private static void copy(float[][][] from, float[][][] to) {
    for (int p = 0; p < to.length; p++) {
      for (int r = 0; r < to[p].length; r++) {
        System.arraycopy(from[p][r], 0, to[p][r], 0, to[p][r].length);
      }
    }
  }

  /** One update of {@code active} from their (mean) gradients, which the clipping scales in place. */
  public void step(Gradients gradients, List<Param> active) {
    clip(gradients, active);
    for (Param p : active) {
      int step = ++t[p.index];
      float rate = (float) (adam
          ? learningRate * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step))
          : learningRate);
      float[][] g = gradients.at(p.index);
      for (int r = 0; r < p.rows(); r++) {
        if (adam) {
          adamRow(p.value[r], g[r], m[p.index][r], v[p.index][r], rate);
        } else {
          sgdRow(p.value[r], g[r], rate);
        }
      }
    }
  }

  private static void adamRow(float[] value, float[] g, float[] m, float[] v, float rate) {
    for (int i = 0; i < value.length; i++) {
      m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
      v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
      value[i] -= rate * m[i] / ((float) Math.sqrt(v[i]) + EPSILON);
    }
  }

  private static void sgdRow(float[] value, float[] g, float rate) {
    for (int i = 0; i < value.length; i++) {
      value[i] -= rate * g[i];
    }
  }

  private void clip(Gradients gradients, List<Param> active) {
    if (clipNorm <= 0) {
      return;
    }
    Map<String, List<Param>> layers = new LinkedHashMap<>();
    for (Param p : active) {
      layers.computeIfAbsent(p.tensor.layer(), k -> new ArrayList<>()).add(p);
    }
    for (List<Param> layer : layers.values()) {
      double sum = 0;
      for (Param p : layer) {
        for (float[] row : gradients.at(p.index)) {
          for (float x : row) {
            sum += (double) x * x;
          }
        }
      }
      double norm = Math.sqrt(sum);
      if (norm > clipNorm) {
        float scale = (float) (clipNorm / norm);
        for (Param p : layer) {
          for (float[] row : gradients.at(p.index)) {
            for (int i = 0; i < row.length; i++) {
              row[i] *= scale;
            }
          }
        }
      }
    }
  }
}
