package io.github.ctakesdtn.report;

import io.github.ctakesdtn.corpus.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A self-contained HTML page: styles inline, charts as inline SVG, nothing fetched when it is
 * opened. Built as a jsoup document, so text is escaped and the markup well formed. Each chart
 * comes with a table of the values it plots (in a closed {@code <details>}), for readers and tests.
 */
final class HtmlPage {
  private static final String STYLE = """
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 2em auto;
             max-width: 1200px; padding: 0 1em; color: #222; line-height: 1.4; }
      h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { border-bottom: 1px solid #ddd; margin-top: 1.8em; }
      table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; }
      th, td { border: 1px solid #ddd; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
      td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
      tr.total td { font-weight: bold; background: #f6f6f6; }
      figure { display: inline-block; margin: 0.5em 1em 0.5em 0; vertical-align: top; }
      figcaption { font-size: 0.9em; color: #555; max-width: 560px; }
      details { font-size: 0.9em; margin-top: 0.3em; }
      .note { color: #555; font-size: 0.92em; }
      .card { background: #f8f9fb; border: 1px solid #dde; padding: 0.5em 1em; border-radius: 4px; }
      code { background: #f2f2f2; padding: 0 0.2em; }
      """;

  private final Document document;
  private final Element body;

  HtmlPage(String title) {
    document = Document.createShell("");
    document.outputSettings().prettyPrint(false);
    Element head = document.head();
    head.appendElement("meta").attr("charset", "utf-8");
    head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
    head.appendElement("title").text(title);
    head.appendElement("style").appendText(STYLE);
    body = document.body();
    body.appendElement("h1").text(title);
  }

  /** A new section with its heading; {@code id} names it for links and tests. */
  Element section(String id, String heading) {
    Element section = body.appendElement("section").id(id);
    section.appendElement("h2").text(heading);
    return section;
  }

  static Element paragraph(Element parent, String text) {
    return parent.appendElement("p").text(text);
  }

  static Element note(Element parent, String text) {
    return paragraph(parent, text).addClass("note");
  }

  /**
   * A table: a header row (none when {@code headers} is empty), then rows of cells; cells that read
   * as numbers are right-aligned. Rows whose first cell is in {@code totals} are set off (micro and
   * macro averages).
   */
  static Element table(Element parent, String cssClass, List<String> headers, List<List<String>> rows,
      List<String> totals) {
    Element table = parent.appendElement("table").addClass(cssClass);
    if (!headers.isEmpty()) {
      Element head = table.appendElement("thead").appendElement("tr");
      for (String header : headers) {
        head.appendElement("th").text(header);
      }
    }
    Element tbody = table.appendElement("tbody");
    for (List<String> row : rows) {
      Element tr = tbody.appendElement("tr");
      if (!row.isEmpty() && totals.contains(row.get(0))) {
        tr.addClass("total");
      }
      for (String cell : row) {
        Element td = tr.appendElement("td").text(cell);
        if (cell.matches("[-+]?[0-9][0-9,.]*( ± [0-9.]+)?%?")) {
          td.addClass("num");
        }
      }
    }
    return table;
  }

  /**
   * A chart: its SVG, a caption, and the plotted values as a table ({@code data-points} on the figure
   * says how many points the lines have in all).
   */
  static Element figure(Element parent, String id, String svg, String caption, List<String> dataHeaders,
      List<List<String>> dataRows) {
    Element figure = parent.appendElement("figure").id(id).attr("data-rows", String.valueOf(dataRows.size()));
    figure.append(svg);
    // A screen reader reads the caption for the picture; the values table follows.
    figure.select("svg").attr("role", "img").attr("aria-label", caption);
    figure.appendElement("figcaption").text(caption);
    Element details = figure.appendElement("details");
    details.appendElement("summary").text("values");
    table(details, "chart-data", dataHeaders, dataRows, List.of());
    return figure;
  }

  String html() {
    return "<!DOCTYPE html>\n" + document.html();
  }

  /** Written to a temporary file and renamed into place. */
  void write(Path file) throws IOException {
    byte[] bytes = html().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(file, out -> out.write(bytes));
  }
}
