package io.github.ctakesdtn.train;

/**
 * Adam (Kingma and Ba 2015) or plain SGD over plain double arrays: the CRF's parameters, which
 * live outside the network's {@link io.github.ctakesdtn.nn.Params} (in double precision).
 */
public final class ParameterOptimizer {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final boolean adam;
  private double learningRate;
  private final double[] m;
  private final double[] v;
  private long step;

  public ParameterOptimizer(String optimizer, double learningRate, int size) {
    this.adam = optimizer.equals("adam");
    this.learningRate = learningRate;
    this.m = new double[size];
    this.v = new double[size];
  }

  /** The step size from now on (a schedule's; the moments and step count carry on). */
  void setLearningRate(double learningRate) {
    this.learningRate = learningRate;
  }

  /** Adam's moments (the optimizer's own arrays) and the step count. */
  record State(double[] firstMoments, double[] secondMoments, long steps) {}

  State state() {
    return new State(m, v, step);
  }

  void restore(State state) {
    if (state.firstMoments().length != m.length || state.secondMoments().length != v.length) {
      throw new IllegalArgumentException("an optimizer state for " + state.firstMoments().length + " values, not "
          + m.length);
    }
    System.arraycopy(state.firstMoments(), 0, m, 0, m.length);
    System.arraycopy(state.secondMoments(), 0, v, 0, v.length);
    step = state.steps();
  }

  /** Size of the parameter vector it steps. */
  int size() {
    return m.length;
  }

  /** One step: {@code params -= update(gradient)}; both arrays flat, in the same order every call. */
  public void step(double[] params, double[] gradient) {
    step++;
    if (!adam) {
      for (int i = 0; i < params.length; i++) {
        params[i] -= learningRate * gradient[i];
      }
      return;
    }
    double correction1 = 1 - Math.pow(BETA1, step);
    double correction2 = 1 - Math.pow(BETA2, step);
    for (int i = 0; i < params.length; i++) {
      m[i] = BETA1 * m[i] + (1 - BETA1) * gradient[i];
      v[i] = BETA2 * v[i] + (1 - BETA2) * gradient[i] * gradient[i];
      params[i] -= learningRate * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + EPSILON);
    }
  }
}
