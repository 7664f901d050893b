package io.github.ctakesdtn.train;

import com.google.gson.JsonObject;
import io.github.ctakesdtn.model.GateStatistics;
import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.model.NetworkConfig;
import io.github.ctakesdtn.model.SharingScheme;
import io.github.ctakesdtn.model.TaggerModel;
import io.github.ctakesdtn.nn.Params;
import java.util.List;
import java.util.Map;

/**
 * Trains the target task under one scheme: {@code target-only} with the single-task
 * {@link Trainer}, every other scheme with the {@link TransferTrainer}; DTN's gate statistics are
 * measured on the target dev sentences.
 */
public final class SchemeTrainer {
  /** The target model and how its training went. */
  public record Outcome(SharingScheme scheme, TaggerModel model, double devF1, int bestEpoch, int epochsRun,
      double seconds, Map<String, GateStatistics.Stat> gates) {}

  private SchemeTrainer() {}

  /** @param embeddings pre-trained word vectors, or null */
  public static Outcome train(SharingScheme scheme, NetworkConfig shape, TrainingConfig config, EmbeddingTable embeddings,
      TransferConfig transfer, List<LabeledSentence> source, List<LabeledSentence> target,
      List<LabeledSentence> targetDev, TrainingListener listener, JsonObject provenance) {
    return train(scheme, shape, config, embeddings, transfer, source, target, targetDev, listener, provenance,
        Checkpoints.NONE, null, null);
  }

  /**
   * The same, writing a checkpoint after every epoch and resuming from the one {@code checkpoints}
   * holds, if any, starting from a trained model's weights ({@code start}; null: a fresh network),
   * with contextual embeddings from these trained character language models ({@code contextModels};
   * null: the start's, or none).
   */
  public static Outcome train(SharingScheme scheme, NetworkConfig shape, TrainingConfig config, EmbeddingTable embeddings,
      TransferConfig transfer, List<LabeledSentence> source, List<LabeledSentence> target,
      List<LabeledSentence> targetDev, TrainingListener listener, JsonObject provenance, Checkpoints checkpoints,
      PretrainedStart start, Params contextModels) {
    if (scheme == SharingScheme.TARGET_ONLY) {
      Trainer.Result r = new Trainer(shape, config, embeddings, listener).withCheckpoints(checkpoints)
          .withStart(start).withContextModels(contextModels).train(target, targetDev, provenance);
      return new Outcome(scheme, r.model(), r.bestDevF1(), r.bestEpoch(), r.epochsRun(), r.seconds(), Map.of());
    }
    TransferTrainer.Result r = new TransferTrainer(shape, config, scheme, transfer, embeddings, listener)
        .withCheckpoints(checkpoints).withStart(start).withContextModels(contextModels)
        .train(source, target, targetDev, provenance);
    Map<String, GateStatistics.Stat> gates = GateStatistics.of(r.model(),
        targetDev.stream().map(LabeledSentence::tokens).toList());
    return new Outcome(scheme, r.model(), r.bestDevF1(), r.bestEpoch(), r.epochsRun(), r.seconds(), gates);
  }

  /** Every scheme a search compares: the valid static ones, the two baselines, and DTN. */
  public static List<SharingScheme> searchSchemes(boolean sameLabels) {
    List<SharingScheme> schemes = new java.util.ArrayList<>();
    schemes.add(SharingScheme.TARGET_ONLY);
    schemes.add(SharingScheme.FINETUNE);
    schemes.addAll(SharingScheme.staticSchemes(sameLabels));
    schemes.add(SharingScheme.DTN);
    return schemes;
  }
}
