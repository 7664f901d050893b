package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.corpus.TagScheme;
import io.github.ctakesdtn.model.NetworkConfig;
import io.github.ctakesdtn.train.TrainingConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The network and training options that train and search share. */
final class NetworkOptions {
  @Option(names = "--char-encoder", paramLabel = "cnn|lstm", description = "Character encoder (default: ${DEFAULT-VALUE}).")
  String charEncoder = NetworkConfig.CNN;

  @Option(names = "--tag-scheme", paramLabel = "SCHEME", description = "IOB2 or IOBES (default: ${DEFAULT-VALUE}).")
  TagScheme tagScheme = TrainingConfig.defaults().tagScheme();

  @Option(names = "--word-embedding-size", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
  int wordEmbedding = 100;

  @Option(names = "--word-hidden", paramLabel = "N", description = "Word LSTM units per direction (default: ${DEFAULT-VALUE}).")
  int wordHidden = 100;

  @Option(names = "--shape-embedding-size", paramLabel = "N",
      description = "Size of each word-shape feature's embedding (casing, first and last three letters), 0 for none"
          + " (default: ${DEFAULT-VALUE}).")
  int shapeEmbedding = 0;

  @Option(names = "--epochs", paramLabel = "N", description = "Most epochs (default: ${DEFAULT-VALUE}).")
  int epochs = TrainingConfig.defaults().maxEpochs();

  @Option(names = "--patience", paramLabel = "N", description = "Stop after N epochs without a better dev F1 (default: ${DEFAULT-VALUE}).")
  int patience = TrainingConfig.defaults().patience();

  @Option(names = "--batch-size", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
  int batchSize = TrainingConfig.defaults().batchSize();

  @Option(names = "--optimizer", paramLabel = "adam|sgd", description = "Default: ${DEFAULT-VALUE}.")
  String optimizer = TrainingConfig.defaults().optimizer();

  @Option(names = "--learning-rate", paramLabel = "X", description = "Default: ${DEFAULT-VALUE}.")
  double learningRate = TrainingConfig.defaults().learningRate();

  @Option(names = "--learning-rate-decay", paramLabel = "D",
      description = "Epoch e steps with the learning rate / (1 + D (e - 1)); 0 keeps it constant (default: ${DEFAULT-VALUE}).")
  double learningRateDecay = TrainingConfig.defaults().learningRateDecay();

  @Option(names = "--dropout", paramLabel = "X", description = "Default: ${DEFAULT-VALUE}.")
  double dropout = 0.5;

  @Option(names = "--clip", paramLabel = "X", description = "Per-layer gradient L2-norm clipping, 0 for none (default: ${DEFAULT-VALUE}).")
  double clip = TrainingConfig.defaults().clipNorm();

  @Option(names = "--seed", paramLabel = "N", description = "Seed for weights, shuffling and dropout (default: ${DEFAULT-VALUE}).")
  long seed = TrainingConfig.defaults().seed();

  @Option(names = "--average-decay", paramLabel = "X",
      description = "Evaluate and keep a moving average of the weights with this decay per step, 0 for the last step's"
          + " weights (default: ${DEFAULT-VALUE}).")
  double averageDecay = TrainingConfig.defaults().averageDecay();

  @Option(names = "--case-augmentation", paramLabel = "P",
      description = "Probability that a training sentence is shown in upper case at a step, so that all-caps text is"
          + " tagged by what its words are (default: ${DEFAULT-VALUE}).")
  double caseAugmentation = TrainingConfig.defaults().caseAugmentation();

  @Option(names = "--threads", paramLabel = "N",
      description = "Training threads; results do not depend on it (default: the cores, ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  /** Refuses, as usage errors naming the option, the values the training config cannot take. */
  void check(CommandSpec spec) {
    OptionChecks.atLeast(spec, "--epochs", epochs, 1);
    OptionChecks.atLeast(spec, "--patience", patience, 1);
    OptionChecks.atLeast(spec, "--batch-size", batchSize, 1);
    OptionChecks.atLeast(spec, "--threads", threads, 1);
    OptionChecks.atLeast(spec, "--learning-rate-decay", learningRateDecay, 0);
    OptionChecks.atLeast(spec, "--word-embedding-size", wordEmbedding, 1);
    OptionChecks.atLeast(spec, "--word-hidden", wordHidden, 1);
  }

  /** The network's sizes (vocabularies and tags are filled in from the data). */
  NetworkConfig shape() {
    return new NetworkConfig(charEncoder, 25, charEncoder.equals(NetworkConfig.CNN) ? 50 : 25, 3, wordEmbedding,
        wordHidden, dropout, 25, 0, 0, 0, shapeEmbedding);
  }

  TrainingConfig config() {
    return new TrainingConfig(epochs, patience, batchSize, optimizer, learningRate, clip, 0.5, tagScheme, seed, threads,
        averageDecay, caseAugmentation, learningRateDecay);
  }
}
