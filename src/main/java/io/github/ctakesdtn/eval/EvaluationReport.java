package io.github.ctakesdtn.eval;

import com.google.gson.GsonBuilder;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of scoring a corpus: exact and overlap scores, the most frequent mistakes by kind, and
 * what could not be scored.
 */
public record EvaluationReport(int documents, Scores exact, Scores overlap, ErrorAnalysis.Summary errors,
    List<String> problems) {
  /** Examples of each kind of mistake that reports keep. */
  public static final int ERROR_EXAMPLES = 8;

  public EvaluationReport {
    problems = List.copyOf(problems);
  }

  /** A table: per label, then micro and macro, exact and overlap P/R/F1 in percent. */
  public void printTable(PrintStream out) {
    out.printf("%d documents scored%n", documents);
    out.printf("%-22s %7s %7s | %-23s | %-23s%n", "", "", "", "exact match", "overlap match");
    out.printf("%-22s %7s %7s | %7s %7s %7s | %7s %7s %7s%n",
        "label", "gold", "pred", "P", "R", "F1", "P", "R", "F1");
    for (String label : exact.byLabel().keySet()) {
      Counts e = exact.of(label);
      Counts o = overlap.of(label);
      out.printf("%-22s %7d %7d | %7.2f %7.2f %7.2f | %7.2f %7.2f %7.2f%n", truncate(label), e.gold(), e.predicted(),
          pct(e.precision()), pct(e.recall()), pct(e.f1()), pct(o.precision()), pct(o.recall()), pct(o.f1()));
    }
    Counts e = exact.micro();
    Counts o = overlap.micro();
    out.printf("%-22s %7d %7d | %7.2f %7.2f %7.2f | %7.2f %7.2f %7.2f%n", "micro", e.gold(), e.predicted(),
        pct(e.precision()), pct(e.recall()), pct(e.f1()), pct(o.precision()), pct(o.recall()), pct(o.f1()));
    out.printf("%-22s %7s %7s | %7.2f %7.2f %7.2f | %7.2f %7.2f %7.2f%n", "macro", "", "",
        pct(exact.macroPrecision()), pct(exact.macroRecall()), pct(exact.macroF1()),
        pct(overlap.macroPrecision()), pct(overlap.macroRecall()), pct(overlap.macroF1()));
    for (String problem : problems) {
      out.println("warning: " + problem);
    }
    if (!problems.isEmpty()) {
      out.printf("%d problem(s): the scores above count what could not be paired as missed%n", problems.size());
    }
  }

  public String toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("documents", documents);
    json.put("exact", scoresJson(exact));
    json.put("overlap", scoresJson(overlap));
    json.put("errors", errors);
    json.put("problems", problems);
    return new GsonBuilder().setPrettyPrinting().create().toJson(json);
  }

  private static Map<String, Object> scoresJson(Scores scores) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("micro", countsJson(scores.micro()));
    // Insertion-ordered maps throughout, so two runs write the same bytes.
    Map<String, Object> macro = new LinkedHashMap<>();
    macro.put("precision", scores.macroPrecision());
    macro.put("recall", scores.macroRecall());
    macro.put("f1", scores.macroF1());
    json.put("macro", macro);
    Map<String, Object> labels = new LinkedHashMap<>();
    scores.byLabel().forEach((label, counts) -> labels.put(label, countsJson(counts)));
    json.put("labels", labels);
    return json;
  }

  private static Map<String, Object> countsJson(Counts c) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("gold", c.gold());
    json.put("predicted", c.predicted());
    json.put("matchedGold", c.matchedGold());
    json.put("matchedPredicted", c.matchedPredicted());
    json.put("precision", c.precision());
    json.put("recall", c.recall());
    json.put("f1", c.f1());
    return json;
  }

  private static double pct(double x) {
    return 100 * x;
  }

  private static String truncate(String label) {
    return label.length() <= 22 ? label : label.substring(0, 21) + "…";
  }
}
