package io.github.ctakesdtn.eval;

/**
 * The scores of a tagger on one corpus as a report shows them: per label exact and overlap counts,
 * and the most frequent mistakes by kind.
 *
 * @param corpus what was scored, e.g. "dev" or a path
 * @param unit what {@code count} counts: "sentences" or "documents"
 */
public record Evaluation(String corpus, String unit, int count, Scores exact, Scores overlap,
    ErrorAnalysis.Summary errors) {

  /** The scores of a corpus that {@link CorpusEvaluator} scored document by document. */
  public static Evaluation of(String corpus, EvaluationReport report) {
    return new Evaluation(corpus, "documents", report.documents(), report.exact(), report.overlap(), report.errors());
  }
}
