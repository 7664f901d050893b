package io.github.ctakesdtn.train;

import com.google.gson.JsonObject;
import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.model.LinearChainCrf;
import io.github.ctakesdtn.model.Network;
import io.github.ctakesdtn.nn.Params;
import io.github.ctakesdtn.model.NetworkConfig;
import io.github.ctakesdtn.model.Routing;
import io.github.ctakesdtn.model.TagSet;
import io.github.ctakesdtn.model.SharingScheme;
import io.github.ctakesdtn.model.Tagger;
import io.github.ctakesdtn.model.TaggerModel;
import io.github.ctakesdtn.model.Task;
import io.github.ctakesdtn.model.TransferSpec;
import io.github.ctakesdtn.model.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trains a source and a target task together in one two-task {@link Network}: mini-batches
 * alternate, {@link TransferConfig#sourceBatchesPerTargetBatch} source batches then one target batch, each
 * through its own task's path and CRF; an epoch passes the larger of the two data sets once (the
 * smaller one cycles; a target under 1,000 sentences counts as several passes, see
 * {@link Trainer#epochBatches}). Early stopping and model selection use the target dev F1. The
 * {@code finetune} baseline instead trains on the source alone for {@link TransferConfig#sourceEpochs} epochs,
 * then on the target alone, in a network sharing C and W (and O when the labels agree). With
 * {@link TransferConfig#warmStart} the joint schemes start the same way: source alone, then the
 * target's private copies take the source's weights ({@link WarmStart}), then joint training.
 */
public final class TransferTrainer {
  /** The target-task model (its best epoch) and how training went. */
  public record Result(TaggerModel model, int bestEpoch, double bestDevF1, int epochsRun, double seconds) {}

  private final NetworkConfig shape;
  private final TrainingConfig config;
  private final SharingScheme scheme;
  private final TransferConfig transfer;
  private final EmbeddingTable embeddings;
  private final TrainingListener listener;
  private final Checkpoints checkpoints;
  /** Null for a fresh start. */
  private final PretrainedStart start;
  /** Trained character language models for the contextual embeddings ({@link CharLmTrainer}), or null. */
  private final Params contextModels;

  /** @param embeddings pre-trained word vectors for the shared word-embedding table, or null */
  public TransferTrainer(NetworkConfig shape, TrainingConfig config, SharingScheme scheme, TransferConfig transfer,
      EmbeddingTable embeddings, TrainingListener listener) {
    this(shape, config, scheme, transfer, embeddings, listener, Checkpoints.NONE, null, null);
  }

  private TransferTrainer(NetworkConfig shape, TrainingConfig config, SharingScheme scheme, TransferConfig transfer,
      EmbeddingTable embeddings, TrainingListener listener, Checkpoints checkpoints, PretrainedStart start,
      Params contextModels) {
    this.shape = shape;
    this.config = config;
    this.scheme = scheme;
    this.transfer = transfer;
    this.embeddings = embeddings;
    this.listener = listener;
    this.checkpoints = checkpoints;
    this.start = start;
    this.contextModels = contextModels;
  }

  /** The same trainer, writing a checkpoint after every epoch and resuming from the one it is given, if any. */
  public TransferTrainer withCheckpoints(Checkpoints checkpoints) {
    return new TransferTrainer(shape, config, scheme, transfer, embeddings, listener, checkpoints, start,
        contextModels);
  }

  /**
   * The same trainer, every copy of every group starting from a trained model's weights (null: a
   * fresh start); the network takes that model's layer sizes, and its vocabularies join the data's.
   */
  public TransferTrainer withStart(PretrainedStart start) {
    return new TransferTrainer(shape, config, scheme, transfer, embeddings, listener, checkpoints, start,
        contextModels);
  }

  /** The same trainer, its contextual embeddings read by these trained character language models (null: none). */
  public TransferTrainer withContextModels(Params contextModels) {
    return new TransferTrainer(shape, config, scheme, transfer, embeddings, listener, checkpoints, start,
        contextModels);
  }

  public Result train(List<LabeledSentence> source, List<LabeledSentence> target, List<LabeledSentence> targetDev,
      JsonObject provenance) {
    if (scheme == SharingScheme.TARGET_ONLY) {
      throw new IllegalArgumentException("the target-only baseline trains on the target alone: use Trainer");
    }
    TagSet sourceTags = new TagSet(config.tagScheme(), Trainer.labelsOf(source));
    TagSet targetTags = new TagSet(config.tagScheme(), Trainer.labelsOf(target));
    boolean sameLabels = sourceTags.labels().equals(targetTags.labels());
    SharingScheme graphScheme = scheme == SharingScheme.FINETUNE ? SharingScheme.of(true, true, sameLabels) : scheme;
    List<LabeledSentence> both = new ArrayList<>(source);
    both.addAll(target);
    Vocabulary words = Trainer.wordVocabulary(both, embeddings, start == null ? List.of() : start.words());
    Vocabulary chars = Trainer.charVocabulary(both, start == null ? List.of() : start.chars());
    Set<String> singletons = Trainer.singletonWords(both);
    NetworkConfig network = (start == null ? shape : start.shapeFor(shape.dropout(), shape.contextHidden()))
        .withSizes(words.size(), chars.size(), sourceTags.size());
    if (embeddings != null) {
      network = network.withWordEmbedding(embeddings.dimension());
    }
    Network net = new Network(network, targetTags.size(), Routing.of(graphScheme, sameLabels), chars,
        transfer.gateBias());
    Trainer.initialise(net, config.seed(), embeddings, words);
    LinearChainCrf sourceCrf = new LinearChainCrf(sourceTags);
    LinearChainCrf targetCrf = graphScheme.sharedOutput() ? sourceCrf : new LinearChainCrf(targetTags);
    if (start != null) {
      listener.startedFrom(start.copyInto(net, words, chars, sourceCrf, targetCrf).describe(words, chars, targetTags));
    }
    if (contextModels != null) {
      CharLmTrainer.copyInto(contextModels, net);
    }
    TaskData sourceTask = new TaskData(source, sourceTags, sourceCrf, optimizer(sourceTags), words, singletons);
    TaskData targetTask = new TaskData(target, targetTags, targetCrf,
        targetCrf == sourceCrf ? sourceTask.crfOptimizer : optimizer(targetTags), words, singletons);
    TaggerModel model = new TaggerModel(network.withSizes(words.size(), chars.size(), targetTags.size()), targetTags,
        words, chars, net, targetCrf, List.of(), provenance,
        new TransferSpec(graphScheme.name(), scheme.name(), sourceTags.labels()));
    try (ParallelStep parallel = new ParallelStep(net, config)) {
      ResumableRun run = new ResumableRun(checkpoints, net, parallel,
          Map.of(ResumableRun.SOURCE_PHASE, sourceTask, ResumableRun.TARGET_PHASE, targetTask), config.seed());
      return train(new Step(parallel, run), model, source, target, targetDev, sourceTask, targetTask);
    }
  }

  private Result train(Step step, TaggerModel model, List<LabeledSentence> source, List<LabeledSentence> target,
      List<LabeledSentence> targetDev, TaskData sourceTask, TaskData targetTask) {
    long start = System.nanoTime();
    ResumableRun run = step.run;
    if ((scheme == SharingScheme.FINETUNE || transfer.warmStart()) && !run.resumedAfter(ResumableRun.SOURCE_PHASE)) {
      TrainingState resumed = run.resumedIn(ResumableRun.SOURCE_PHASE);
      int first = resumed == null ? 1 : run.restore(resumed, null) + 1;
      for (int epoch = first; epoch <= transfer.sourceEpochs(); epoch++) {
        step.resetLoss();
        for (List<Integer> batch : Trainer.batches(source, config.batchSize(), run.random())) {
          step.run(sourceTask, Task.SOURCE, batch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        listener.sourceEpochDone(epoch, transfer.sourceEpochs(), step.meanLoss(),
            (epoch - first + 1) * source.size() / seconds, seconds);
        run.save(ResumableRun.SOURCE_PHASE, epoch, false, null);
      }
      if (transfer.warmStart() && scheme != SharingScheme.FINETUNE) {
        WarmStart.copySourceWeights(model.network());
        WarmStart.copyCrf(sourceTask.crf, targetTask.crf);
        step.parallel.restartAverage();
      }
    }
    EarlyStopping stopping = new EarlyStopping(model, config, listener);
    TrainingState resumed = run.resumedIn(ResumableRun.TARGET_PHASE);
    boolean finished = resumed != null && ResumableRun.finished(resumed);
    int first = resumed == null ? 1 : run.restore(resumed, stopping) + 1;
    for (int epoch = first; epoch <= config.maxEpochs() && !finished; epoch++) {
      // The source's warm-start epochs step at the base rate; the schedule counts the joint epochs.
      step.parallel.startEpoch(epoch, sourceTask, targetTask);
      step.resetLoss();
      List<List<Integer>> targetBatches = Trainer.epochBatches(target, config.batchSize(), run.random());
      if (scheme == SharingScheme.FINETUNE) {
        int total = targetBatches.stream().mapToInt(List::size).sum();
        for (List<Integer> batch : targetBatches) {
          step.run(targetTask, Task.TARGET, batch);
          listener.batchDone(epoch, (int) step.sentences, total, step.meanLoss());
        }
      } else {
        List<List<Integer>> sourceBatches = Trainer.batches(source, config.batchSize(), run.random());
        int ratio = transfer.sourceBatchesPerTargetBatch();
        int rounds = Math.max(targetBatches.size(), (sourceBatches.size() + ratio - 1) / ratio);
        int total = 0;
        for (int round = 0; round < rounds; round++) {
          for (int r = 0; r < ratio; r++) {
            total += sourceBatches.get((round * ratio + r) % sourceBatches.size()).size();
          }
          total += targetBatches.get(round % targetBatches.size()).size();
        }
        for (int round = 0; round < rounds; round++) {
          for (int r = 0; r < ratio; r++) {
            step.run(sourceTask, Task.SOURCE, sourceBatches.get((round * ratio + r) % sourceBatches.size()));
          }
          step.run(targetTask, Task.TARGET, targetBatches.get(round % targetBatches.size()));
          // Source and target sentences together: what the epoch's progress counts.
          listener.batchDone(epoch, (int) step.sentences, total, step.meanLoss());
        }
      }
      // A Tagger per evaluation: its tagging form is built from the current weights.
      int done = epoch;
      finished = step.parallel.averaged(() -> stopping.epochDone(done, step.meanLoss(), Trainer.f1(new Tagger(model),
          targetDev), step.sentences)) || epoch == config.maxEpochs();
      run.save(ResumableRun.TARGET_PHASE, epoch, finished, stopping);
    }
    stopping.restoreBest();
    // The time includes the epochs on the source alone.
    return new Result(model, stopping.bestEpoch(), stopping.bestF1(), stopping.epochsRun(),
        (System.nanoTime() - start) / 1e9);
  }

  private ParameterOptimizer optimizer(TagSet tags) {
    return new ParameterOptimizer(config.optimizer(), config.learningRate(), CrfParameters.size(tags.size()));
  }

  /** One mini-batch of one task: step, count the loss. */
  private static final class Step {
    private final ParallelStep parallel;
    private final ResumableRun run;
    private double loss;
    private long sentences;

    Step(ParallelStep parallel, ResumableRun run) {
      this.parallel = parallel;
      this.run = run;
    }

    void run(TaskData task, Task which, List<Integer> batch) {
      loss += parallel.run(which, task, batch, run.random(), run.nextIteration());
      sentences += batch.size();
    }

    void resetLoss() {
      loss = 0;
      sentences = 0;
    }

    double meanLoss() {
      return sentences == 0 ? 0 : loss / sentences;
    }
  }
}
