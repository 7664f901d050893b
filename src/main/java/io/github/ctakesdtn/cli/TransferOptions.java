package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.train.TransferConfig;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The transfer-learning options that train (with --source) and search share. Options left out take
 * the values measured best for the target's size ({@link TransferConfig#forTarget}).
 */
final class TransferOptions {
  @Option(names = "--source-ratio", paramLabel = "N",
      description = "Source batches per target batch (default: 4 for a target under "
          + TransferConfig.SMALL_TARGET_TOKENS + " tokens, else 1).")
  Integer sourceRatio;

  @Option(names = "--source-epochs", paramLabel = "N",
      description = "Epochs on the source alone before the target: scheme finetune, and every joint scheme with "
          + "a warm start (default: ${DEFAULT-VALUE}).")
  int sourceEpochs = TransferConfig.defaults().sourceEpochs();

  @Option(names = "--gate-bias", paramLabel = "X",
      description = "Scheme dtn: the gates' initial bias; sigmoid(X) is the shared copy's starting share, 0 an even "
          + "mix (default: 0 for a target of " + TransferConfig.LARGE_TARGET_TOKENS + " tokens or more, else 2).")
  Double gateBias;

  @Option(names = "--warm-start", negatable = true,
      description = "Joint schemes (static and dtn): train the source alone for --source-epochs epochs first, then "
          + "start the target's private copies from the source's weights (default: on for a target under "
          + TransferConfig.SMALL_TARGET_TOKENS + " tokens).")
  Boolean warmStart;

  /** The options given, the others as measured best for a target of these sentences. */
  TransferConfig config(List<LabeledSentence> target) {
    TransferConfig sized = TransferConfig.forTarget(tokens(target));
    return new TransferConfig(sourceRatio != null ? sourceRatio : sized.sourceBatchesPerTargetBatch(), sourceEpochs,
        gateBias != null ? gateBias : sized.gateBias(), warmStart != null ? warmStart : sized.warmStart());
  }

  static long tokens(List<LabeledSentence> sentences) {
    return sentences.stream().mapToLong(s -> s.tokens().size()).sum();
  }
}
