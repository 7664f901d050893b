package io.github.ctakesdtn.train;

import com.google.gson.JsonObject;
import io.github.ctakesdtn.corpus.Mention;
import io.github.ctakesdtn.corpus.TokenSpan;
import io.github.ctakesdtn.eval.SpanScorer;
import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.model.LinearChainCrf;
import io.github.ctakesdtn.model.Network;
import io.github.ctakesdtn.nn.Params;
import io.github.ctakesdtn.model.NetworkConfig;
import io.github.ctakesdtn.model.TagSet;
import io.github.ctakesdtn.model.TaggedSpan;
import io.github.ctakesdtn.model.Tagger;
import io.github.ctakesdtn.model.TaggerModel;
import io.github.ctakesdtn.model.Task;
import io.github.ctakesdtn.model.Vocabulary;
import io.github.ctakesdtn.model.WordForms;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Trains a single-task tagger: mini-batches of similar-length sentences in a seeded random order,
 * steps on several threads ({@link ParallelStep}), exact-span F1 on the dev sentences after every
 * epoch, and early stopping that keeps the best epoch's parameters.
 */
public final class Trainer {
  /** The trained model (its best epoch) and how training went. */
  public record Result(TaggerModel model, int bestEpoch, double bestDevF1, int epochsRun, double seconds,
      double sentencesPerSecond) {}

  /** An epoch sees at least this many sentences (see {@link #epochBatches}). */
  static final int MIN_EPOCH_SENTENCES = 1_000;

  /** Sentences sorted by length inside windows of this many batches, so padding stays small. */
  private static final int SORT_WINDOW_BATCHES = 50;

  private final NetworkConfig shape;
  private final TrainingConfig config;
  private final EmbeddingTable embeddings;
  private final TrainingListener listener;
  private final Checkpoints checkpoints;
  /** Null for a fresh start. */
  private final PretrainedStart start;
  /** Trained character language models for the contextual embeddings ({@link CharLmTrainer}), or null. */
  private final Params contextModels;

  /**
   * @param shape the network's sizes (vocabulary and tag counts are filled in from the data)
   * @param embeddings pre-trained word vectors, or null
   */
  public Trainer(NetworkConfig shape, TrainingConfig config, EmbeddingTable embeddings, TrainingListener listener) {
    this(shape, config, embeddings, listener, Checkpoints.NONE, null, null);
  }

  private Trainer(NetworkConfig shape, TrainingConfig config, EmbeddingTable embeddings, TrainingListener listener,
      Checkpoints checkpoints, PretrainedStart start, Params contextModels) {
    this.shape = shape;
    this.config = config;
    this.embeddings = embeddings;
    this.listener = listener;
    this.checkpoints = checkpoints;
    this.start = start;
    this.contextModels = contextModels;
  }

  /** The same trainer, writing a checkpoint after every epoch and resuming from the one it is given, if any. */
  public Trainer withCheckpoints(Checkpoints checkpoints) {
    return new Trainer(shape, config, embeddings, listener, checkpoints, start, contextModels);
  }

  /**
   * The same trainer, starting from a trained model's weights (null: a fresh start); the network
   * takes that model's layer sizes, and its vocabularies join the data's.
   */
  public Trainer withStart(PretrainedStart start) {
    return new Trainer(shape, config, embeddings, listener, checkpoints, start, contextModels);
  }

  /** The same trainer, its contextual embeddings read by these trained character language models (null: none). */
  public Trainer withContextModels(Params contextModels) {
    return new Trainer(shape, config, embeddings, listener, checkpoints, start, contextModels);
  }

  public Result train(List<LabeledSentence> train, List<LabeledSentence> dev, JsonObject provenance) {
    if (train.isEmpty()) {
      throw new IllegalArgumentException("no training sentences");
    }
    TagSet tags = new TagSet(config.tagScheme(), labelsOf(train));
    Vocabulary words = wordVocabulary(train, embeddings, start == null ? List.of() : start.words());
    Vocabulary chars = charVocabulary(train, start == null ? List.of() : start.chars());
    Set<String> singletons = singletonWords(train);
    NetworkConfig network = (start == null ? shape : start.shapeFor(shape.dropout(), shape.contextHidden()))
        .withSizes(words.size(), chars.size(), tags.size());
    if (embeddings != null) {
      network = network.withWordEmbedding(embeddings.dimension());
    }
    Network net = TaggerModel.network(network, tags, chars, null, 0);
    initialise(net, config.seed(), embeddings, words);
    LinearChainCrf crf = new LinearChainCrf(tags);
    if (start != null) {
      listener.startedFrom(start.copyInto(net, words, chars, crf).describe(words, chars, tags));
    }
    if (contextModels != null) {
      CharLmTrainer.copyInto(contextModels, net);
    }
    ParameterOptimizer crfOptimizer = new ParameterOptimizer(config.optimizer(), config.learningRate(),
        CrfParameters.size(tags.size()));
    TaggerModel model = new TaggerModel(network, tags, words, chars, net, crf, List.of(), provenance);

    TaskData task = new TaskData(train, tags, crf, crfOptimizer, words, singletons);
    EarlyStopping stopping = new EarlyStopping(model, config, listener);
    try (ParallelStep step = new ParallelStep(net, config)) {
      ResumableRun run = new ResumableRun(checkpoints, net, step, Map.of(ResumableRun.TARGET_PHASE, task), config.seed());
      TrainingState resumed = run.resumedIn(ResumableRun.TARGET_PHASE);
      boolean finished = resumed != null && ResumableRun.finished(resumed);
      int first = resumed == null ? 1 : run.restore(resumed, stopping) + 1;
      for (int epoch = first; epoch <= config.maxEpochs() && !finished; epoch++) {
        step.startEpoch(epoch, task);
        double lossSum = 0;
        int done = 0;
        List<List<Integer>> epochBatches = epochBatches(train, config.batchSize(), run.random());
        int total = epochBatches.stream().mapToInt(List::size).sum();
        for (List<Integer> batchIndices : epochBatches) {
          lossSum += step.run(Task.TARGET, task, batchIndices, run.random(), run.nextIteration());
          done += batchIndices.size();
          listener.batchDone(epoch, done, total, lossSum / done);
        }
        double meanLoss = lossSum / total;
        int finishedEpoch = epoch;
        finished = step.averaged(() -> stopping.epochDone(finishedEpoch, meanLoss, f1(new Tagger(model), dev), total))
            || epoch == config.maxEpochs();
        run.save(ResumableRun.TARGET_PHASE, epoch, finished, stopping);
      }
    }
    stopping.restoreBest();
    return new Result(model, stopping.bestEpoch(), stopping.bestF1(), stopping.epochsRun(), stopping.seconds(),
        stopping.sentencesPerSecond());
  }

  /** Exact-span micro F1 of the tagger on labelled sentences (token offsets stand in for characters). */
  public static double f1(Tagger tagger, List<LabeledSentence> sentences) {
    if (sentences.isEmpty()) {
      return 0;
    }
    List<List<TaggedSpan>> predicted = tagger.tag(sentences.stream().map(LabeledSentence::tokens).toList(), 64);
    SpanScorer scorer = new SpanScorer();
    for (int i = 0; i < sentences.size(); i++) {
      scorer.add(asMentions(sentences.get(i).spans()),
          asMentions(predicted.get(i).stream().map(TaggedSpan::span).toList()));
    }
    return scorer.exact().micro().f1();
  }

  private static List<Mention> asMentions(List<TokenSpan> spans) {
    return spans.stream().map(s -> new Mention(s.first(), s.end(), s.label())).toList();
  }

  /**
   * The batches of one epoch: the corpus passed once, or as many times as it takes to see
   * {@link #MIN_EPOCH_SENTENCES}, so that on a small corpus an epoch (the unit of early stopping's
   * patience) still holds enough steps to learn from: 54 sentences passed once per epoch stopped
   * at F1 0 after 11 epochs, and learned to 39 F1 when trained 80 times longer.
   */
  static List<List<Integer>> epochBatches(List<LabeledSentence> train, int batchSize, Random random) {
    int passes = Math.max(1, (MIN_EPOCH_SENTENCES + train.size() - 1) / train.size());
    List<List<Integer>> batches = new ArrayList<>();
    for (int pass = 0; pass < passes; pass++) {
      batches.addAll(batches(train, batchSize, random));
    }
    return batches;
  }

  /** Shuffled sentences, sorted by length within windows, cut into batches, batches shuffled. */
  static List<List<Integer>> batches(List<LabeledSentence> train, int batchSize, Random random) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    int window = batchSize * SORT_WINDOW_BATCHES;
    List<List<Integer>> batches = new ArrayList<>();
    for (int from = 0; from < order.size(); from += window) {
      List<Integer> chunk = new ArrayList<>(order.subList(from, Math.min(order.size(), from + window)));
      chunk.sort(Comparator.comparingInt(i -> train.get(i).tokens().size()));
      for (int b = 0; b < chunk.size(); b += batchSize) {
        batches.add(chunk.subList(b, Math.min(chunk.size(), b + batchSize)));
      }
    }
    Collections.shuffle(batches, random);
    return batches;
  }

  public static List<String> labelsOf(List<LabeledSentence> sentences) {
    Set<String> labels = new TreeSet<>();
    for (LabeledSentence sentence : sentences) {
      sentence.spans().forEach(span -> labels.add(span.label()));
    }
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("the training sentences hold no mentions");
    }
    return List.copyOf(labels);
  }

  /** The training text's word keys, then the vectors' words, then a start model's words. */
  static Vocabulary wordVocabulary(List<LabeledSentence> train, EmbeddingTable embeddings, List<String> startWords) {
    Set<String> keys = new LinkedHashSet<>();
    for (LabeledSentence sentence : train) {
      sentence.tokens().forEach(token -> keys.add(WordForms.key(token)));
    }
    if (embeddings != null) {
      keys.addAll(embeddings.words());
    }
    keys.addAll(startWords);
    return new Vocabulary(List.copyOf(keys));
  }

  /**
   * Draws the network's parameters from the seed, then copies pre-trained vectors (if any) into
   * the word-embedding table, shared by every task.
   */
  static void initialise(Network network, long seed, EmbeddingTable embeddings, Vocabulary words) {
    network.params().initialise(seed);
    if (embeddings != null) {
      embeddings.initialise(network.wordEmbedding(), words);
    }
    network.refresh();
  }

  static Vocabulary charVocabulary(List<LabeledSentence> train, List<String> startChars) {
    Set<String> chars = new TreeSet<>(startChars);
    for (LabeledSentence sentence : train) {
      for (String token : sentence.tokens()) {
        token.chars().forEach(c -> chars.add(String.valueOf((char) c)));
      }
    }
    return new Vocabulary(List.copyOf(chars));
  }

  static Set<String> singletonWords(List<LabeledSentence> train) {
    Map<String, Integer> counts = new HashMap<>();
    for (LabeledSentence sentence : train) {
      sentence.tokens().forEach(token -> counts.merge(WordForms.key(token), 1, Integer::sum));
    }
    Set<String> singletons = new HashSet<>();
    counts.forEach((key, n) -> {
      if (n == 1) {
        singletons.add(key);
      }
    });
    return singletons;
  }
}
