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

  public static TransferConfig defaults() {
    return new TransferConfig(1, 5, 2.0, false);
  }
}
