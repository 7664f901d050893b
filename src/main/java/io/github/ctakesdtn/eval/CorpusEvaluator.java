package io.github.ctakesdtn.eval;

import io.github.ctakesdtn.corpus.Document;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs gold and predicted documents and scores them. Documents are paired by id, or by position
 * when asked (two CoNLL files name their documents after themselves). Nothing is dropped
 * silently: a gold document with no prediction, or whose predicted text differs (its offsets mean
 * different things, e.g. a predicted file that lost sentences), is scored as predicting nothing
 * and reported; predictions for documents not in the gold are reported and not scored. Any
 * problem makes the command exit 1.
 */
public final class CorpusEvaluator {
  private CorpusEvaluator() {}

  public static EvaluationReport evaluate(List<Document> gold, List<Document> predicted, boolean pairByPosition,
      List<String> readProblems) {
    List<String> problems = new ArrayList<>(readProblems);
    SpanScorer scorer = new SpanScorer();
    ErrorAnalysis errors = new ErrorAnalysis();
    Map<String, Document> predictedById = new LinkedHashMap<>();
    for (Document document : predicted) {
      predictedById.put(document.id(), document);
    }
    for (int i = 0; i < gold.size(); i++) {
      Document g = gold.get(i);
      Document p = pairByPosition ? (i < predicted.size() ? predicted.get(i) : null) : predictedById.remove(g.id());
      if (p == null) {
        problems.add("no prediction for document " + g.id() + " (" + g.sentences().size() + " sentences, "
            + g.mentions().size() + " mentions): scored as predicting nothing");
        scorer.add(g.mentions(), List.of());
        errors.add(g.mentions(), List.of(), g.text()::substring);
      } else if (!g.text().equals(p.text())) {
        problems.add("document " + g.id() + ": " + difference(g, p) + "; scored as predicting nothing");
        scorer.add(g.mentions(), List.of());
        errors.add(g.mentions(), List.of(), g.text()::substring);
      } else {
        scorer.add(g.mentions(), p.mentions());
        errors.add(g.mentions(), p.mentions(), g.text()::substring);
      }
    }
    List<String> extra = pairByPosition
        ? predicted.stream().skip(gold.size()).map(Document::id).toList()
        : List.copyOf(predictedById.keySet());
    for (String id : extra) {
      problems.add("prediction for document " + id + ", which is not in the gold corpus: not scored");
    }
    return new EvaluationReport(gold.size(), scorer.exact(), scorer.overlap(),
        errors.summary(EvaluationReport.ERROR_EXAMPLES), problems);
  }

  /** Where the predicted text first departs from the gold one, in words a user can look up. */
  static String difference(Document gold, Document predicted) {
    String g = gold.text();
    String p = predicted.text();
    int at = 0;
    while (at < g.length() && at < p.length() && g.charAt(at) == p.charAt(at)) {
      at++;
    }
    int line = 1;
    for (int i = 0; i < at; i++) {
      line += g.charAt(i) == '\n' ? 1 : 0;
    }
    return "the predicted text differs from the gold text from character " + at + " (line " + line + ") on"
        + " (gold " + gold.sentences().size() + " sentences, " + g.length() + " characters; predicted "
        + predicted.sentences().size() + " sentences, " + p.length() + " characters)";
  }
}
