package io.github.ctakesdtn.train;

import io.github.ctakesdtn.model.NetworkConfig;
import io.github.ctakesdtn.model.Vocabulary;
import io.github.ctakesdtn.nn.Optimizer;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Takes the training steps of a single-task network: DL4J's own backpropagation through external
 * errors, or the plain-Java network ({@link TrainableTagger}) on several threads. Either way the
 * DL4J graph is what gets evaluated and saved.
 */
interface TrainingEngine extends AutoCloseable {
  /** One step on the training sentences {@code batch}; returns their summed loss. */
  double step(List<Integer> batch, int iteration, int epoch);

  /** Makes the graph hold the current parameters (before evaluating or saving it). */
  void syncGraph();

  @Override
  void close();

  static TrainingEngine create(TrainingConfig config, NetworkConfig network, ComputationGraph graph, TaskData task,
      Vocabulary words, Vocabulary chars, Set<String> singletons, Random random) {
    if (config.engine().equals(TrainingConfig.DL4J)) {
      return new TrainingEngine() {
        @Override
        public double step(List<Integer> batch, int iteration, int epoch) {
          return task.step(graph, batch, words, chars, network.maxWordLength(), singletons, config.wordDropout(),
              random, iteration, epoch);
        }

        @Override
        public void syncGraph() {}

        @Override
        public void close() {}
      };
    }
    TrainableTagger tagger = TrainableTagger.singleTask(network, chars);
    tagger.readFrom(graph);
    Optimizer optimizer = new Optimizer(tagger.params, config.optimizer().equals("adam"), config.learningRate(),
        config.clipNorm());
    ParallelStep parallel = new ParallelStep(tagger, optimizer, config.threads());
    return new TrainingEngine() {
      @Override
      public double step(List<Integer> batch, int iteration, int epoch) {
        List<TrainableTagger.Example> examples = task.examples(batch, words, singletons, config.wordDropout(), random);
        // Dropout masks: a stream per (seed, step, sentence).
        long seed = config.seed() * 0x2545F4914F6CDD1DL + iteration;
        return parallel.run(0, examples, task.crf, task.crfOptimizer, seed) * batch.size();
      }

      @Override
      public void syncGraph() {
        tagger.writeTo(graph);
      }

      @Override
      public void close() {
        parallel.close();
      }
    };
  }
}
