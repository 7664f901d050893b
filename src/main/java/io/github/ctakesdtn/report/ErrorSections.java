package io.github.ctakesdtn.report;

import io.github.ctakesdtn.eval.ErrorAnalysis;
import io.github.ctakesdtn.eval.Evaluation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsoup.nodes.Element;

/** The mistakes of a tagger on one corpus: counts by kind, then the most frequent of each kind. */
final class ErrorSections {
  private ErrorSections() {}

  static String title(ErrorAnalysis.Kind kind) {
    return switch (kind) {
      case MISSED -> "Missed";
      case SPURIOUS -> "Spurious";
      case WRONG_BOUNDARY -> "Wrong boundary";
      case WRONG_TYPE -> "Wrong type";
    };
  }

  private static String meaning(ErrorAnalysis.Kind kind) {
    return switch (kind) {
      case MISSED -> "a gold mention no prediction accounts for";
      case SPURIOUS -> "a prediction that overlaps no gold mention";
      case WRONG_BOUNDARY -> "the right label over a span that overlaps the gold one but is not the same";
      case WRONG_TYPE -> "a prediction over a gold mention of another label";
    };
  }

  /** One mistake in a few words, e.g. {@code "renal failure" (Disease) for "acute renal failure"}. */
  static String describe(ErrorAnalysis.Kind kind, ErrorAnalysis.Example e) {
    return switch (kind) {
      case MISSED -> quote(e.goldText()) + " (" + e.goldLabel() + ")";
      case SPURIOUS -> quote(e.predictedText()) + " tagged " + e.predictedLabel();
      case WRONG_BOUNDARY -> quote(e.predictedText()) + " for " + quote(e.goldText()) + " (" + e.goldLabel() + ")";
      case WRONG_TYPE -> quote(e.goldText()) + " tagged " + e.predictedLabel() + ", gold " + e.goldLabel();
    };
  }

  /** Only the columns a kind has: a missed mention has no prediction, a spurious one no gold mention. */
  private static List<String> headers(ErrorAnalysis.Kind kind) {
    return switch (kind) {
      case MISSED -> List.of("times", "gold text", "gold label");
      case SPURIOUS -> List.of("times", "predicted text", "predicted label");
      case WRONG_BOUNDARY -> List.of("times", "gold text", "predicted text", "label");
      case WRONG_TYPE -> List.of("times", "gold text", "gold label", "predicted text", "predicted label");
    };
  }

  private static List<String> columns(ErrorAnalysis.Kind kind, ErrorAnalysis.Example e) {
    String times = String.valueOf(e.count());
    return switch (kind) {
      case MISSED -> List.of(times, e.goldText(), e.goldLabel());
      case SPURIOUS -> List.of(times, e.predictedText(), e.predictedLabel());
      case WRONG_BOUNDARY -> List.of(times, e.goldText(), e.predictedText(), e.goldLabel());
      case WRONG_TYPE -> List.of(times, e.goldText(), e.goldLabel(), e.predictedText(), e.predictedLabel());
    };
  }

  private static String quote(String text) {
    return "\u201c" + text + "\u201d";
  }

  static void add(Element parent, Evaluation evaluation) {
    ErrorAnalysis.Summary errors = evaluation.errors();
    List<ErrorAnalysis.Kind> kinds = new ArrayList<>(Arrays.asList(ErrorAnalysis.Kind.values()));
    kinds.sort((a, b) -> Integer.compare(errors.count(b), errors.count(a)));
    List<List<String>> rows = new ArrayList<>();
    for (ErrorAnalysis.Kind kind : kinds) {
      rows.add(List.of(title(kind), String.valueOf(errors.count(kind)), meaning(kind)));
    }
    HtmlPage.table(parent, "error-kinds", List.of("kind", "count", "meaning"), rows, List.of());
    for (ErrorAnalysis.Kind kind : kinds) {
      List<ErrorAnalysis.Example> examples = errors.frequent().getOrDefault(kind, List.of());
      if (examples.isEmpty()) {
        continue;
      }
      parent.appendElement("h4").text(title(kind) + ": the most frequent");
      List<List<String>> exampleRows = new ArrayList<>();
      for (ErrorAnalysis.Example e : examples) {
        exampleRows.add(columns(kind, e));
      }
      HtmlPage.table(parent, "errors-" + kind.name().toLowerCase().replace('_', '-'), headers(kind), exampleRows,
          List.of());
    }
  }
}
