package io.github.ctakesdtn.model;

import io.github.ctakesdtn.corpus.Document;
import io.github.ctakesdtn.corpus.Mention;
import io.github.ctakesdtn.corpus.Sentence;
import io.github.ctakesdtn.corpus.TokenSpan;
import io.github.ctakesdtn.nn.GateObserver;
import java.util.ArrayList;
import java.util.List;

/**
 * Tags tokenized sentences with a trained model: emissions from the target task's path of the
 * network in its tagging form ({@link Emitter}), the best valid tag path from the CRF (Viterbi),
 * and for each mention the CRF's marginal probability of exactly that span as its confidence.
 * One instance per model can serve every thread of a JVM: the emitter and the CRF allocate their
 * work arrays per call, and the batch size is given per call.
 */
public final class Tagger {
  public static final int DEFAULT_BATCH_SIZE = 32;

  private final TaggerModel model;
  private final Emitter emitter;

  public Tagger(TaggerModel model) {
    this.model = model;
    this.emitter = model.network().emitter(Task.TARGET, model.words(), GateObserver.NONE);
  }

  public TaggerModel model() {
    return model;
  }

  /** The mentions of each sentence, in order, tagged {@link #DEFAULT_BATCH_SIZE} sentences at a time. */
  public List<List<TaggedSpan>> tag(List<List<String>> sentences) {
    return tag(sentences, DEFAULT_BATCH_SIZE);
  }

  /** The mentions of each sentence, in order, tagged {@code batchSize} sentences at a time. */
  public List<List<TaggedSpan>> tag(List<List<String>> sentences, int batchSize) {
    return inBatches(sentences, batchSize, false).stream().map(TaggedTokens::spans).toList();
  }

  /**
   * The mentions of a document's sentences, in order: {@link #tag(List, int)}'s, and those of the
   * abbreviations the document defines after a mention ({@link Abbreviations}), which a tagger that
   * reads one sentence at a time misses away from their definition.
   */
  public List<List<TaggedSpan>> tagDocument(List<List<String>> sentences, int batchSize) {
    return Abbreviations.propagate(sentences, tag(sentences, batchSize));
  }

  /**
   * A sentence's mentions and, for each token, the CRF's marginal probability of the tag the best
   * path gives it (how sure the model is of each token, mentions' and others'); only
   * {@link #tagTokens} computes them (null otherwise).
   */
  public record TaggedTokens(List<TaggedSpan> spans, double[] tagProbabilities) {}

  /** {@link #tag(List, int)} with each token's {@link TaggedTokens#tagProbabilities tag probability}. */
  public List<TaggedTokens> tagTokens(List<List<String>> sentences, int batchSize) {
    return inBatches(sentences, batchSize, true);
  }

  private List<TaggedTokens> inBatches(List<List<String>> sentences, int batchSize, boolean tagProbabilities) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("the batch size must be at least 1, got " + batchSize);
    }
    List<TaggedTokens> tagged = new ArrayList<>(sentences.size());
    for (int from = 0; from < sentences.size(); from += batchSize) {
      List<List<String>> batch = sentences.subList(from, Math.min(sentences.size(), from + batchSize));
      tagged.addAll(tagBatch(batch, tagProbabilities));
    }
    return tagged;
  }

  private List<TaggedTokens> tagBatch(List<List<String>> sentences, boolean tagProbabilities) {
    List<TaggedTokens> tagged = new ArrayList<>(sentences.size());
    List<List<String>> nonEmpty = sentences.stream().filter(s -> !s.isEmpty()).toList();
    double[][][] emissions = emitter.emissions(nonEmpty);
    int next = 0;
    for (List<String> sentence : sentences) {
      if (sentence.isEmpty()) {
        tagged.add(new TaggedTokens(List.of(), new double[0]));
        continue;
      }
      double[][] e = emissions[next++];
      int[] path = model.crf().viterbi(e);
      List<TokenSpan> decoded = model.tags().decode(path);
      double[] confidences = model.crf().spanProbabilities(e, path, decoded);
      List<TaggedSpan> spans = new ArrayList<>(decoded.size());
      for (int i = 0; i < decoded.size(); i++) {
        spans.add(new TaggedSpan(decoded.get(i), confidences[i]));
      }
      tagged.add(new TaggedTokens(spans, tagProbabilities ? pathMarginals(e, path) : null));
    }
    return tagged;
  }

  private double[] pathMarginals(double[][] e, int[] path) {
    double[][] marginals = model.crf().marginals(e);
    double[] probabilities = new double[path.length];
    for (int t = 0; t < path.length; t++) {
      probabilities[t] = marginals[t][path[t]];
    }
    return probabilities;
  }

  /** A document's predicted mentions, with confidences, over its own sentences and tokens ({@link #tagDocument}). */
  public List<ScoredMention> tag(Document document, int batchSize) {
    return tag(document, batchSize, true);
  }

  /** {@link #tag(Document, int)}, with the abbreviations' mentions only when {@code abbreviations} is true. */
  public List<ScoredMention> tag(Document document, int batchSize, boolean abbreviations) {
    List<List<String>> sentences = new ArrayList<>();
    for (Sentence sentence : document.sentences()) {
      sentences.add(LabeledSentence.tokensOf(document, sentence));
    }
    List<List<TaggedSpan>> tagged = abbreviations ? tagDocument(sentences, batchSize) : tag(sentences, batchSize);
    List<ScoredMention> mentions = new ArrayList<>();
    for (int s = 0; s < tagged.size(); s++) {
      Sentence sentence = document.sentences().get(s);
      for (TaggedSpan span : tagged.get(s)) {
        mentions.add(new ScoredMention(new Mention(sentence.tokens().get(span.span().first()).begin(),
            sentence.tokens().get(span.span().end() - 1).end(), span.span().label()), span.confidence()));
      }
    }
    return mentions;
  }

  /** A predicted mention with the model's confidence in it. */
  public record ScoredMention(Mention mention, double confidence) {}
}
