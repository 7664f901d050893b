package io.github.ctakesdtn.report;

import io.github.ctakesdtn.eval.Evaluation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * The report of {@code evaluate}: scores by label, the most frequent mistakes, and the model's card
 * when a model tagged.
 */
public final class EvaluationPage {
  private EvaluationPage() {}

  /**
   * @param about rows of (what, value): gold and predicted corpora, the model
   * @param card the model's card, or null when the predictions came from files
   * @param problems what could not be scored (documents without predictions, ...)
   */
  public static void write(Evaluation evaluation, List<List<String>> about, ModelCard card, List<String> problems,
      Path out) throws IOException {
    HtmlPage page = new HtmlPage("Evaluation report");
    Element intro = page.section("about", "What was scored");
    HtmlPage.table(intro, "about", List.of(), about, List.of());
    if (!problems.isEmpty()) {
      HtmlPage.paragraph(intro, problems.size() + " problem(s): what could not be paired is counted as missed.");
      Element list = intro.appendElement("ul").addClass("problems");
      problems.forEach(p -> list.appendElement("li").text(p));
    }
    Element scores = page.section("scores", "Scores and mistakes");
    ScoreSections.add(scores, "gold", evaluation);
    if (card != null) {
      CardSection.add(page, card);
    }
    page.write(out);
  }
}
