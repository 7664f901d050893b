package io.github.ctakesdtn.train;

import io.github.ctakesdtn.corpus.TagScheme;

/**
 * How a tagger is trained.
 *
 * @param maxEpochs passes over the training data at most
 * @param patience epochs without a better dev F1 before stopping early
 * @param batchSize sentences per mini-batch
 * @param optimizer {@code adam} or {@code sgd}
 * @param learningRate step size of the optimizer (network and CRF alike)
 * @param clipNorm gradient L2-norm clipping per layer (0: none)
 * @param wordDropout probability of showing a word seen once in training as unknown, so the
 *     unknown-word embedding is trained (Lample et al. 2016)
 * @param seed seeds weights, shuffling and dropout
 * @param threads training threads (results do not depend on the thread count)
 * @param averageDecay evaluate and keep an exponential moving average of the parameters with this
 *     decay per step ({@link io.github.ctakesdtn.nn.ParameterAverage}); 0 keeps the last step's
 * @param caseAugmentation probability that a training sentence is shown in upper case at a step, so
 *     that all-caps text (section headers, shouted lines in clinical notes) is judged by what the
 *     words are rather than by a casing the training text rarely had (Mayhew et al. 2019); 0: never
 * @param learningRateDecay epoch {@code e} (from 1) steps with {@code learningRate / (1 + learningRateDecay * (e - 1))}
 *     (the inverse-time decay of Ma and Hovy 2016); 0 keeps the rate constant
 */
public record TrainingConfig(
    int maxEpochs,
    int patience,
    int batchSize,
    String optimizer,
    double learningRate,
    double clipNorm,
    double wordDropout,
    TagScheme tagScheme,
    long seed,
    int threads,
    double averageDecay,
    double caseAugmentation,
    double learningRateDecay) {

  /** Without parameter averaging. */
  public static final double NO_AVERAGE = 0;

  /** The default decay of the parameter average. */
  public static final double DEFAULT_AVERAGE = 0.99;

  public TrainingConfig {
    if (!optimizer.equals("adam") && !optimizer.equals("sgd")) {
      throw new IllegalArgumentException("optimizer must be adam or sgd, not " + optimizer);
    }
    if (averageDecay < 0 || averageDecay >= 1) {
      throw new IllegalArgumentException("the averaging decay must be 0 (none) or in (0, 1), got " + averageDecay);
    }
    if (caseAugmentation < 0 || caseAugmentation > 1) {
      throw new IllegalArgumentException("the case augmentation must be a probability, got " + caseAugmentation);
    }
    if (learningRateDecay < 0) {
      throw new IllegalArgumentException("the learning-rate decay must be 0 (none) or positive, got " + learningRateDecay);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    if (maxEpochs < 1 || batchSize < 1 || patience < 1) {
      throw new IllegalArgumentException("epochs, patience and batch size must be at least 1");
    }
  }

  /** The same settings on as many threads as the machine has cores. */
  public TrainingConfig(int maxEpochs, int patience, int batchSize, String optimizer, double learningRate,
      double clipNorm, double wordDropout, TagScheme tagScheme, long seed) {
    this(maxEpochs, patience, batchSize, optimizer, learningRate, clipNorm, wordDropout, tagScheme, seed,
        Runtime.getRuntime().availableProcessors(), NO_AVERAGE, 0, 0);
  }

  /**
   * What {@code train} uses unless told otherwise. The weights are averaged with decay 0.99: from the
   * bundled model's start, three seeds scored 0.2 (10% of ncbi-disease) and 0.3 (all of it) higher on
   * test than the last step's weights, and steadier (docs/benchmarks.md).
   */
  public static TrainingConfig defaults() {
    return new TrainingConfig(50, 5, 16, "adam", 0.001, 5.0, 0.5, TagScheme.IOBES, 13).withAverageDecay(DEFAULT_AVERAGE);
  }

  public TrainingConfig withSeed(long seed) {
    return new TrainingConfig(maxEpochs, patience, batchSize, optimizer, learningRate, clipNorm, wordDropout, tagScheme,
        seed, threads, averageDecay, caseAugmentation, learningRateDecay);
  }

  public TrainingConfig withThreads(int threads) {
    return new TrainingConfig(maxEpochs, patience, batchSize, optimizer, learningRate, clipNorm, wordDropout, tagScheme,
        seed, threads, averageDecay, caseAugmentation, learningRateDecay);
  }

  public TrainingConfig withAverageDecay(double averageDecay) {
    return new TrainingConfig(maxEpochs, patience, batchSize, optimizer, learningRate, clipNorm, wordDropout, tagScheme,
        seed, threads, averageDecay, caseAugmentation, learningRateDecay);
  }

  public TrainingConfig withLearningRateDecay(double learningRateDecay) {
    return new TrainingConfig(maxEpochs, patience, batchSize, optimizer, learningRate, clipNorm, wordDropout, tagScheme,
        seed, threads, averageDecay, caseAugmentation, learningRateDecay);
  }

  /** The step size of epoch {@code epoch} (counted from 1). */
  public double learningRateAt(int epoch) {
    return learningRate / (1 + learningRateDecay * (epoch - 1));
  }

  public TrainingConfig withCaseAugmentation(double caseAugmentation) {
    return new TrainingConfig(maxEpochs, patience, batchSize, optimizer, learningRate, clipNorm, wordDropout, tagScheme,
        seed, threads, averageDecay, caseAugmentation, learningRateDecay);
  }
}
