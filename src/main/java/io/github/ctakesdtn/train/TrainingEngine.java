package io.github.ctakesdtn.train;

import io.github.ctakesdtn.model.NetworkConfig;
import io.github.ctakesdtn.model.SharingScheme;
import io.github.ctakesdtn.model.TaskSwitch;
import io.github.ctakesdtn.model.Vocabulary;
import io.github.ctakesdtn.nn.Optimizer;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Takes the training steps of a network: the plain-Java network ({@link TrainableTagger}) on
 * several threads, or DL4J's own backpropagation through external errors. Either way the DL4J
 * graph is what gets evaluated and saved.
 */
interface TrainingEngine extends AutoCloseable {
  /**
   * One step on the sentences {@code batch} of a task's data ({@link TaskSwitch#SOURCE} or
   * {@link TaskSwitch#TARGET}; 0 in single-task training); returns their summed loss.
   */
  double step(int task, TaskData data, List<Integer> batch, int iteration, int epoch);

  /** Makes the graph hold the current parameters (before evaluating or saving it). */
  void syncGraph();

  /** Takes up parameters changed in the graph (after {@link #syncGraph} and an edit of the graph). */
  void reloadGraph();

  @Override
  void close();

  /** The engine for a {@link io.github.ctakesdtn.model.TaggerNetwork} graph. */
  static TrainingEngine singleTask(TrainingConfig config, NetworkConfig network, ComputationGraph graph,
      Vocabulary words, Vocabulary chars, Set<String> singletons, Random random) {
    return config.engine().equals(TrainingConfig.DL4J)
        ? dl4j(config, network, graph, null, words, chars, singletons, random)
        : java(config, TrainableTagger.singleTask(network, chars), graph, words, singletons, random);
  }

  /** The engine for a {@link io.github.ctakesdtn.model.TransferNetwork} graph routed by {@code taskSwitch}. */
  static TrainingEngine transfer(TrainingConfig config, NetworkConfig shape, int targetTags, SharingScheme scheme,
      ComputationGraph graph, TaskSwitch taskSwitch, Vocabulary words, Vocabulary chars, Set<String> singletons,
      Random random) {
    return config.engine().equals(TrainingConfig.DL4J)
        ? dl4j(config, shape, graph, taskSwitch, words, chars, singletons, random)
        : java(config, TrainableTagger.transfer(shape, targetTags, scheme, chars), graph, words, singletons, random);
  }

  private static TrainingEngine dl4j(TrainingConfig config, NetworkConfig network, ComputationGraph graph,
      TaskSwitch taskSwitch, Vocabulary words, Vocabulary chars, Set<String> singletons, Random random) {
    return new TrainingEngine() {
      @Override
      public double step(int task, TaskData data, List<Integer> batch, int iteration, int epoch) {
        if (taskSwitch != null) {
          taskSwitch.select(task);
        }
        return data.step(graph, batch, words, chars, network.maxWordLength(), singletons, config.wordDropout(),
            random, iteration, epoch);
      }

      @Override
      public void syncGraph() {
        if (taskSwitch != null) {
          taskSwitch.select(TaskSwitch.TARGET);
        }
      }

      @Override
      public void reloadGraph() {
        // DL4J trains the graph's own arrays.
      }

      @Override
      public void close() {}
    };
  }

  private static TrainingEngine java(TrainingConfig config, TrainableTagger tagger, ComputationGraph graph,
      Vocabulary words, Set<String> singletons, Random random) {
    tagger.readFrom(graph);
    Optimizer optimizer = new Optimizer(tagger.params, config.optimizer().equals("adam"), config.learningRate(),
        config.clipNorm());
    ParallelStep parallel = new ParallelStep(tagger, optimizer, config.threads());
    return new TrainingEngine() {
      @Override
      public double step(int task, TaskData data, List<Integer> batch, int iteration, int epoch) {
        List<TrainableTagger.Example> examples = data.examples(batch, words, singletons, config.wordDropout(), random);
        // Dropout masks: a stream per (seed, step, sentence).
        long seed = config.seed() * 0x2545F4914F6CDD1DL + iteration;
        return parallel.run(task, examples, data.crf, data.crfOptimizer, seed) * batch.size();
      }

      @Override
      public void syncGraph() {
        tagger.writeTo(graph);
      }

      @Override
      public void reloadGraph() {
        tagger.readFrom(graph);
      }

      @Override
      public void close() {
        parallel.close();
      }
    };
  }
}
