package io.github.ctakesdtn.train;

import io.github.ctakesdtn.model.CrfGradient;
import io.github.ctakesdtn.model.LinearChainCrf;
import io.github.ctakesdtn.nn.Gradients;
import io.github.ctakesdtn.nn.Optimizer;
import io.github.ctakesdtn.nn.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One training step of the plain-Java network on several cores: the batch is cut into a fixed
 * number of parts whose gradients are computed in parallel and summed in a fixed order, so the
 * result does not depend on the thread count; then one optimizer step on the network and one on
 * the CRF. The loss is the batch's mean negative log-likelihood, as in {@link ExternalErrorStep}.
 */
final class ParallelStep implements AutoCloseable {
  /** Parts per batch, whatever the number of threads. */
  static final int PARTS = 4;

  private final TrainableTagger network;
  private final Optimizer optimizer;
  private final ExecutorService pool;
  private final Gradients[] gradients = new Gradients[PARTS];

  ParallelStep(TrainableTagger network, Optimizer optimizer, int threads) {
    this.network = network;
    this.optimizer = optimizer;
    this.pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
      Thread thread = new Thread(runnable, "ctakes-dtn-training");
      thread.setDaemon(true);
      return thread;
    });
    for (int p = 0; p < PARTS; p++) {
      gradients[p] = new Gradients(network.params);
    }
  }

  /** A step on a batch of {@code task} (0 for a single-task network); returns the batch's mean loss. */
  double run(int task, List<TrainableTagger.Example> batch, LinearChainCrf crf, ParameterOptimizer crfOptimizer,
      long seed) {
    List<Param> active = network.params(task);
    double scale = 1.0 / batch.size();
    CrfGradient[] crfGradients = new CrfGradient[PARTS];
    List<Future<Double>> losses = new ArrayList<>();
    for (int p = 0; p < PARTS; p++) {
      List<TrainableTagger.Example> part = batch.subList(p * batch.size() / PARTS, (p + 1) * batch.size() / PARTS);
      Gradients grads = gradients[p];
      CrfGradient crfGrads = crfGradients[p] = new CrfGradient(crf.tags().size());
      losses.add(pool.submit(() -> {
        grads.clear(active);
        return network.accumulate(task, part, crf, scale, seed, grads, crfGrads);
      }));
    }
    double loss = 0;
    for (Future<Double> part : losses) {
      loss += get(part);
    }
    for (int p = 1; p < PARTS; p++) {
      gradients[0].add(gradients[p], active);
      ExternalErrorStep.addScaled(crfGradients[0], crfGradients[p], 1.0);
    }
    optimizer.step(gradients[0], active);
    network.refresh();
    double[] crfParams = CrfParameters.of(crf);
    crfOptimizer.step(crfParams, CrfParameters.of(crfGradients[0]));
    CrfParameters.set(crf, crfParams);
    return loss * scale;
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
  }
}
