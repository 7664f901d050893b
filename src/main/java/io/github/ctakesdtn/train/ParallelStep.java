package io.github.ctakesdtn.train;

import io.github.ctakesdtn.model.CrfGradient;
import io.github.ctakesdtn.model.Network;
import io.github.ctakesdtn.model.Task;
import io.github.ctakesdtn.nn.Gradients;
import io.github.ctakesdtn.nn.Optimizer;
import io.github.ctakesdtn.nn.ParameterAverage;
import io.github.ctakesdtn.nn.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * One training step of the network on several cores: the batch is cut into a fixed number of
 * parts whose gradients are computed in parallel and summed in a fixed order, so the result does
 * not depend on the thread count; then one optimizer step on the network's parameters of the
 * batch's task and one on its CRF.
 */
final class ParallelStep implements AutoCloseable {
  /** Parts per batch, whatever the number of threads. */
  static final int PARTS = 4;

  private final Network network;
  private final TrainingConfig config;
  private final Optimizer optimizer;
  private final ExecutorService pool;
  private final Gradients[] gradients = new Gradients[PARTS];
  /** Null without averaging. */
  private final ParameterAverage average;

  ParallelStep(Network network, TrainingConfig config) {
    this.network = network;
    network.keepContext(true); // the same sentences come back every epoch and every dev evaluation
    this.config = config;
    this.optimizer = new Optimizer(network.params(), config.optimizer().equals("adam"), config.learningRate(),
        config.clipNorm());
    this.pool = Executors.newFixedThreadPool(config.threads(), runnable -> {
      Thread thread = new Thread(runnable, "ctakes-dtn-training");
      thread.setDaemon(true);
      return thread;
    });
    for (int p = 0; p < PARTS; p++) {
      gradients[p] = new Gradients(network.params());
    }
    this.average = config.averageDecay() > 0 ? new ParameterAverage(network.params(), config.averageDecay()) : null;
  }

  /** Runs {@code work} (an evaluation, a snapshot) on the averaged parameters, if training averages them. */
  <T> T averaged(Supplier<T> work) {
    if (average == null) {
      return work.get();
    }
    average.swap();
    network.refresh();
    try {
      return work.get();
    } finally {
      average.swap();
      network.refresh();
    }
  }

  /**
   * Sets the step size of epoch {@code epoch} ({@link TrainingConfig#learningRateAt}) for the
   * network and the tasks' CRFs. Set at every epoch, so a resumed run steps as the uninterrupted one.
   */
  void startEpoch(int epoch, TaskData... tasks) {
    double rate = config.learningRateAt(epoch);
    optimizer.setLearningRate(rate);
    for (TaskData task : tasks) {
      task.crfOptimizer.setLearningRate(rate);
    }
  }

  /** Starts the average again from the current parameters (after a warm start changed them). */
  void restartAverage() {
    if (average != null) {
      average.reset();
    }
  }

  /** Keeps the optimizer's state and the parameter average (if any) in a checkpoint. */
  void saveTo(TrainingState state) {
    Optimizer.State optimizerState = optimizer.state();
    state.putParams("optimizer/m", network.params(), optimizerState.firstMoments());
    state.putParams("optimizer/v", network.params(), optimizerState.secondMoments());
    double[] steps = new double[optimizerState.steps().length];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = optimizerState.steps()[i];
    }
    state.putDoubles("optimizer/steps", steps);
    if (average != null) {
      state.putParams("average", network.params(), average.values());
      state.values().addProperty("averageSteps", average.steps());
    }
  }

  /** Continues from what {@link #saveTo} kept. */
  void restoreFrom(TrainingState state) {
    double[] steps = state.doubles("optimizer/steps", network.params().all().size());
    int[] counts = new int[steps.length];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = (int) steps[i];
    }
    optimizer.restore(new Optimizer.State(state.params("optimizer/m", network.params()),
        state.params("optimizer/v", network.params()), counts));
    if (average != null) {
      average.restore(state.params("average", network.params()), state.getLong("averageSteps"));
    }
  }

  /**
   * A step on the sentences {@code batch} of a task's data, words seen once in training shown as
   * unknown with the configured probability; returns the batch's summed negative log-likelihood.
   */
  double run(Task task, TaskData data, List<Integer> batch, Random random, int iteration) {
    List<Network.Example> examples = data.examples(batch, config.wordDropout(), config.caseAugmentation(), random);
    // Dropout masks: a stream per (seed, step, sentence).
    long seed = config.seed() * 0x2545F4914F6CDD1DL + iteration;
    List<Param> active = network.params(task);
    double scale = 1.0 / examples.size();
    CrfGradient[] crfGradients = new CrfGradient[PARTS];
    List<Future<Double>> losses = new ArrayList<>();
    for (int p = 0; p < PARTS; p++) {
      List<Network.Example> part = examples.subList(p * examples.size() / PARTS, (p + 1) * examples.size() / PARTS);
      Gradients grads = gradients[p];
      CrfGradient crfGrads = crfGradients[p] = new CrfGradient(data.crf.tags().size());
      losses.add(pool.submit(() -> {
        grads.clear(active);
        return network.accumulate(task, part, data.crf, scale, seed, grads, crfGrads);
      }));
    }
    double loss = 0;
    for (Future<Double> part : losses) {
      loss += get(part);
    }
    for (int p = 1; p < PARTS; p++) {
      gradients[0].add(gradients[p], active);
      crfGradients[0].addScaled(crfGradients[p], 1.0);
    }
    optimizer.step(gradients[0], active);
    if (average != null) {
      average.update();
    }
    network.refresh();
    double[] crfParams = CrfParameters.of(data.crf);
    data.crfOptimizer.step(crfParams, CrfParameters.of(crfGradients[0]));
    CrfParameters.set(data.crf, crfParams);
    return loss;
  }

  private static double get(Future<Double> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
    network.keepContext(false);
  }
}
