package io.github.ctakesdtn.train;

import io.github.ctakesdtn.corpus.Mention;
import io.github.ctakesdtn.corpus.TokenSpan;
import io.github.ctakesdtn.eval.ErrorAnalysis;
import io.github.ctakesdtn.eval.Evaluation;
import io.github.ctakesdtn.eval.EvaluationReport;
import io.github.ctakesdtn.eval.SpanScorer;
import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.model.TaggedSpan;
import io.github.ctakesdtn.model.Tagger;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a tagger on labelled sentences for a report: per label, exact and overlap (token offsets
 * stand in for characters), and its mistakes with the words they were made on.
 */
public final class SentenceEvaluation {
  private SentenceEvaluation() {}

  public static Evaluation evaluate(String corpus, Tagger tagger, List<LabeledSentence> sentences) {
    return score(corpus, sentences, tagger.tag(sentences.stream().map(LabeledSentence::tokens).toList(), 64));
  }

  /**
   * Scores the documents' sentences, each document tagged as a whole, as the annotator and
   * {@code evaluate} tag them ({@link Tagger#tagDocument}).
   */
  public static Evaluation evaluateDocuments(String corpus, Tagger tagger, List<List<LabeledSentence>> documents) {
    List<LabeledSentence> sentences = new ArrayList<>();
    List<List<TaggedSpan>> predicted = new ArrayList<>();
    for (List<LabeledSentence> document : documents) {
      sentences.addAll(document);
      predicted.addAll(tagger.tagDocument(document.stream().map(LabeledSentence::tokens).toList(), 64));
    }
    return score(corpus, sentences, predicted);
  }

  private static Evaluation score(String corpus, List<LabeledSentence> sentences, List<List<TaggedSpan>> predicted) {
    SpanScorer scorer = new SpanScorer();
    ErrorAnalysis errors = new ErrorAnalysis();
    for (int i = 0; i < sentences.size(); i++) {
      List<String> tokens = sentences.get(i).tokens();
      List<Mention> gold = mentions(sentences.get(i).spans());
      List<Mention> guessed = mentions(predicted.get(i).stream().map(TaggedSpan::span).toList());
      scorer.add(gold, guessed);
      errors.add(gold, guessed, (first, end) -> String.join(" ", tokens.subList(first, end)));
    }
    return new Evaluation(corpus, "sentences", sentences.size(), scorer.exact(), scorer.overlap(),
        errors.summary(EvaluationReport.ERROR_EXAMPLES));
  }

  private static List<Mention> mentions(List<TokenSpan> spans) {
    return spans.stream().map(s -> new Mention(s.first(), s.end(), s.label())).toList();
  }
}
