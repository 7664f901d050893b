package io.github.ctakesdtn.train;

/**
 * How a source task is trained beside the target, on top of the {@link TrainingConfig}.
 *
 * @param sourceBatchesPerTargetBatch source mini-batches run before each target mini-batch
 * @param sourceEpochs the {@code finetune} baseline's epochs on the source before the target
 * @param gateBias initial bias of DTN's gates: {@code sigmoid(gateBias)} is the share of the shared
 *     copy at the start (0: an even mix); a positive bias starts DTN close to sharing everything
 *     and lets it learn where private copies pay off
 */
public record TransferConfig(int sourceBatchesPerTargetBatch, int sourceEpochs, double gateBias) {

  public TransferConfig {
    if (sourceBatchesPerTargetBatch < 1) {
      throw new IllegalArgumentException("source batches per target batch must be at least 1");
    }
    if (sourceEpochs < 0) {
      throw new IllegalArgumentException("source epochs must not be negative");
    }
    if (!Double.isFinite(gateBias)) {
      throw new IllegalArgumentException("the gate bias must be a finite number");
    }
  }

  public static TransferConfig defaults() {
    return new TransferConfig(1, 5, 2.0);
  }
}
