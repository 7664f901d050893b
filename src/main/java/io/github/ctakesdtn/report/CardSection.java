package io.github.ctakesdtn.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/** A model card on a page. */
final class CardSection {
  private CardSection() {}

  /** A count with thousands separators; blank for none (a vectors file has no sentences). */
  private static String count(long n) {
    return n == 0 ? "" : String.format("%,d", n);
  }

  static void add(HtmlPage page, ModelCard card) {
    Element section = page.section("model-card", "Model card");
    Element box = section.appendElement("div").addClass("card");
    HtmlPage.paragraph(box, card.summary());
    box.appendElement("h4").text("What it finds");
    List<List<String>> finds = new ArrayList<>();
    card.finds().forEach(f -> finds.add(List.of(f.label(), f.ctakesType())));
    HtmlPage.table(box, "card-finds", List.of("label", "written as (cTAKES type)"), finds, List.of());
    box.appendElement("h4").text("Data");
    List<List<String>> data = new ArrayList<>();
    card.data().forEach(d -> data.add(List.of(d.role(), d.source(), count(d.sentences()), count(d.mentions()),
        d.licence())));
    HtmlPage.table(box, "card-data", List.of("role", "source", "sentences", "mentions", "licence"), data, List.of());
    box.appendElement("h4").text("Scores");
    List<List<String>> scores = new ArrayList<>();
    for (Map.Entry<String, Double> score : card.scores().entrySet()) {
      scores.add(List.of(score.getKey(), String.format("%.2f", score.getValue())));
    }
    HtmlPage.table(box, "card-scores", List.of("score", "value"), scores, List.of());
    box.appendElement("h4").text("Intended use");
    HtmlPage.paragraph(box, card.intendedUse());
    box.appendElement("h4").text("Known failure modes");
    Element list = box.appendElement("ul").addClass("card-failures");
    card.failureModes().forEach(mode -> list.appendElement("li").text(mode));
  }
}
