package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.train.TransferConfig;
import picocli.CommandLine.Option;

/** The transfer-learning options that train (with --source) and search share. */
final class TransferOptions {
  @Option(names = "--source-ratio", paramLabel = "N",
      description = "Source batches per target batch (default: ${DEFAULT-VALUE}).")
  int sourceRatio = TransferConfig.defaults().sourceBatchesPerTargetBatch();

  @Option(names = "--source-epochs", paramLabel = "N",
      description = "Epochs on the source alone before the target: scheme finetune, and every joint scheme with "
          + "--warm-start (default: ${DEFAULT-VALUE}).")
  int sourceEpochs = TransferConfig.defaults().sourceEpochs();

  @Option(names = "--gate-bias", paramLabel = "X",
      description = "Scheme dtn: the gates' initial bias; sigmoid(X) is the shared copy's starting share, 0 an even "
          + "mix, the better start for a large target from another domain (default: ${DEFAULT-VALUE}).")
  double gateBias = TransferConfig.defaults().gateBias();

  @Option(names = "--warm-start",
      description = "Joint schemes (static and dtn): train the source alone for --source-epochs epochs first, then "
          + "start the target's private copies from the source's weights.")
  boolean warmStart = TransferConfig.defaults().warmStart();

  TransferConfig config() {
    return new TransferConfig(sourceRatio, sourceEpochs, gateBias, warmStart);
  }
}
