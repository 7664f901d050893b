package io.github.ctakesdtn.train;

/**
 * How a source task is trained beside the target, on top of the {@link TrainingConfig}.
 *
 * @param sourceBatchesPerTargetBatch source mini-batches run before each target mini-batch
 * @param sourceEpochs epochs on the source alone before the target: always for the {@code finetune}
 *     baseline, and for the joint schemes when {@code warmStart} is set
 * @param gateBias initial bias of DTN's gates: {@code sigmoid(gateBias)} is the share of the shared
 *     copy at the start (0: an even mix); a positive bias starts DTN close to sharing everything
 *     and lets it learn where private copies pay off
 * @param warmStart joint schemes (static and DTN) first train the source alone for {@code sourceEpochs}
 *     epochs, then start each of the target's private copies from the weights the source's path
 *     learned, so the target starts where {@code finetune} starts instead of from random private
 *     copies that a small target over-fits within a few epochs
 */
public record TransferConfig(int sourceBatchesPerTargetBatch, int sourceEpochs, double gateBias, boolean warmStart) {

  public TransferConfig {
    if (sourceBatchesPerTargetBatch < 1) {
      throw new IllegalArgumentException("source batches per target batch must be at least 1");
    }
    if (sourceEpochs < 0 || warmStart && sourceEpochs < 1) {
      throw new IllegalArgumentException("source epochs must not be negative, and at least 1 for a warm start");
    }
    if (!Double.isFinite(gateBias)) {
      throw new IllegalArgumentException("the gate bias must be a finite number");
    }
  }

  /** Below this many target tokens a target is small: warm start, four source batches per target batch. */
  public static final int SMALL_TARGET_TOKENS = 20_000;
  /** From this many target tokens on, DTN's gates start at an even mix. */
  public static final int LARGE_TARGET_TOKENS = 60_000;

  /** The settings for a medium-sized target (see {@link #forTarget}). */
  public static TransferConfig defaults() {
    return new TransferConfig(1, 5, 2.0, false);
  }

  /**
   * The settings measured best for a target of this size (docs/benchmarks.md, "Transfer from bc5cdr
   * into ncbi-disease" and "into neurotrialner", three seeds each): a small target (1%, 5% and 10% of
   * ncbi-disease, 10% of neurotrialner: up to about 14,000 tokens) gains 0.5 to 3.5 F1 from a warm start
   * with four source batches per target batch, which cost 0.8 at 25% (35,000 tokens); a large target
   * (neurotrialner's 100,000 tokens) gains 0.5 from gates that start at an even mix, which cost 0.7 at 25%
   * of ncbi-disease and changed nothing at its 100%. The thresholds sit between the measured sizes.
   */
  public static TransferConfig forTarget(long targetTokens) {
    TransferConfig medium = defaults();
    if (targetTokens < SMALL_TARGET_TOKENS) {
      return new TransferConfig(4, medium.sourceEpochs, medium.gateBias, true);
    }
    if (targetTokens >= LARGE_TARGET_TOKENS) {
      return new TransferConfig(medium.sourceBatchesPerTargetBatch, medium.sourceEpochs, 0.0, false);
    }
    return medium;
  }

  /** The settings in words, for the console. */
  public String describe() {
    return (warmStart ? "warm start (" + sourceEpochs + " source epochs)" : "no warm start") + ", "
        + sourceBatchesPerTargetBatch + " source batch" + (sourceBatchesPerTargetBatch == 1 ? "" : "es")
        + " per target batch, gate bias " + gateBias;
  }
}
