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
    if (batchSize < 1) {
      throw new IllegalArgumentException("the batch size must be at least 1, got " + batchSize);
    }
    List<List<TaggedSpan>> tagged = new ArrayList<>(sentences.size());
    for (int from = 0; from < sentences.size(); from += batchSize) {
      List<List<String>> batch = sentences.subList(from, Math.min(sentences.size(), from + batchSize));
      tagged.addAll(tagBatch(batch));
    }
    return tagged;
  }

  private List<List<TaggedSpan>> tagBatch(List<List<String>> sentences) {
    List<List<TaggedSpan>> tagged = new ArrayList<>(sentences.size());
    List<List<String>> nonEmpty = sentences.stream().filter(s -> !s.isEmpty()).toList();
    double[][][] emissions = emitter.emissions(nonEmpty);
    int next = 0;
    for (List<String> sentence : sentences) {
      if (sentence.isEmpty()) {
        tagged.add(List.of());
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
      tagged.add(spans);
    }
    return tagged;
  }

  /** A document's predicted mentions, with confidences, over its own sentences and tokens. */
  public List<ScoredMention> tag(Document document, int batchSize) {
    List<List<String>> sentences = new ArrayList<>();
    for (Sentence sentence : document.sentences()) {
      sentences.add(LabeledSentence.tokensOf(document, sentence));
    }
    List<List<TaggedSpan>> tagged = tag(sentences, batchSize);
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
