package io.github.ctakesdtn;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.model.ModelFile;
import io.github.ctakesdtn.model.SyntheticCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The HTML reports of train, search and evaluate, made by the real command line from tiny real
 * training runs on data written here: what they plot and tabulate matches what the runs did, the
 * pages fetch nothing, report redraws them from the files, and every JSON file written is strict JSON.
 */
public class ReportsIT {
  @ClassRule public static final TemporaryFolder TEMP = new TemporaryFolder();

  private static Path dir;
  private static final List<String> LABELS = List.of("Disease", "Drug");

  @BeforeClass
  public static void trainAndSearch() throws Exception {
    dir = TEMP.getRoot().toPath();
    writeConll("train", SyntheticCorpus.sentences(160, 1));
    writeConll("dev", SyntheticCorpus.sentences(40, 2));
    writeConll("test", SyntheticCorpus.sentences(40, 3));
    writeConll("source", SyntheticCorpus.sentences(60, 5));
    writeConll("target", SyntheticCorpus.sentences(16, 4));
    // Few epochs at a low rate: the model still makes mistakes for the error tables.
    Cli.ok(dir, "train", "--train", "train.tsv", "--dev", "dev.tsv", "--test", "test.tsv", "--out", "tiny.model",
        "--epochs", "3", "--patience", "3", "--batch-size", "8", "--learning-rate", "0.003",
        "--word-embedding-size", "16", "--word-hidden", "16", "--seed", "5", "--no-learned-vectors",
        "--data-licence", "train=CC0-1.0", "--intended-use", "Testing the reports.");
    Cli.ok(dir, "search", "--source", "source.tsv", "--target", "target.tsv", "--dev", "dev.tsv", "--out", "search",
        "--schemes", "target-only,W,dtn", "--seeds", "2", "--seed", "5", "--epochs", "2", "--patience", "2",
        "--batch-size", "8", "--word-embedding-size", "8", "--word-hidden", "8", "--no-learned-vectors");
  }

  private static void writeConll(String name, List<LabeledSentence> sentences) throws Exception {
    // CoNLL files as they are: the commands read them directly (convert is tested elsewhere).
    Files.writeString(dir.resolve(name + ".tsv"), ConllText.of(sentences));
  }

  private static Document page(String path) throws Exception {
    Path file = dir.resolve(path);
    assertTrue(path + " written", Files.isRegularFile(file));
    return Jsoup.parse(file.toFile(), "UTF-8");
  }

  private static Element byId(Document page, String id) {
    Element element = page.getElementById(id);
    assertNotNull("#" + id + " in the page", element);
    return element;
  }

  /** Rows of a chart's value table, which its data-rows attribute also gives. */
  private static int dataRows(Element figure) {
    int rows = figure.select("table.chart-data tbody tr").size();
    assertEquals(figure.id(), rows, Integer.parseInt(figure.attr("data-rows")));
    return rows;
  }

  /** Points drawn by a line chart's circle markers: one per point, and one per line in the legend. */
  private static int circles(Element figure) {
    return figure.select("svg ellipse").size();
  }

  private static void selfContained(Document page) {
    assertTrue("no script", page.select("script").isEmpty());
    assertTrue("no linked resource", page.select("link, img, iframe, object, embed").isEmpty());
    assertFalse("nothing fetched", page.html().contains("http://") && page.html().matches("(?s).*(src|href)=\"http.*"));
  }

  private static JsonObject modelScores(String model) throws Exception {
    return ModelFile.documents(dir.resolve(model)).get("provenance.json").getAsJsonObject().getAsJsonObject("scores");
  }

  @Test
  public void trainWritesAReportWhoseCurvesTablesAndCardMatchTheRun() throws Exception {
    Document page = page("tiny.html");
    selfContained(page);
    int epochs = modelScores("tiny.model").get("epochsRun").getAsInt();
    int best = modelScores("tiny.model").get("bestEpoch").getAsInt();
    for (String id : List.of("training-loss", "dev-f1")) {
      Element figure = byId(page, id);
      assertEquals(id, epochs, dataRows(figure));
      assertEquals(id, epochs + 1, circles(figure));
      assertEquals("the chosen epoch is marked", String.valueOf(best),
          figure.select("table.chart-data tr:contains(chosen) td").first().text());
    }
    for (String corpus : List.of("dev", "test")) {
      Element scores = byId(page, corpus + "-scores");
      List<String> rows = scores.select("tbody tr td:eq(0)").eachText();
      assertEquals(corpus, List.of("Disease", "Drug", "micro", "macro"), rows);
      assertEquals(LABELS.size(), dataRows(byId(page, corpus + "-f1-by-label")));
    }
    assertEquals("four kinds of mistake, for dev and for test", 8, page.select("table.error-kinds tbody tr").size());
    Element card = byId(page, "model-card");
    assertEquals(LABELS, card.select("table.card-finds tbody tr td:eq(0)").eachText());
    assertTrue(card.text(), card.select("table.card-data").text().contains("CC0-1.0"));
    assertTrue(card.text(), card.text().contains("Testing the reports."));
    assertFalse(card.select("ul.card-failures li").isEmpty());
    assertTrue("no gates for a single-task model", page.select("#gates").isEmpty());
  }

  @Test
  public void reportRedrawsTheTrainingReportFromTheModelFileAlone() throws Exception {
    Map<String, JsonElement> documents = ModelFile.documents(dir.resolve("tiny.model"));
    assertTrue(documents.containsKey(ModelFile.REPORT));
    assertTrue(documents.containsKey(ModelFile.CARD));
    Cli.ok(dir, "report", "--model", "tiny.model", "--out", "again.html");
    assertEquals(page("tiny.html").text(), page("again.html").text());
  }

  @Test
  public void searchReportShowsSchemesSideBySideTheLearnedSharingAndTheGates() throws Exception {
    Document page = page("search/report.html");
    selfContained(page);
    Element table = byId(page, "scheme-table");
    assertEquals(List.of("target-only", "W", "dtn"), table.select("tbody tr td:eq(0)").eachText());
    for (String devF1 : table.select("tbody tr td:eq(2)").eachText()) {
      assertTrue("mean ± sd over two seeds: " + devF1, devF1.matches("\\d+\\.\\d\\d ± \\d+\\.\\d\\d"));
    }
    assertEquals("no test corpus: no test F1", List.of("-", "-", "-"), table.select("tbody tr td:eq(3)").eachText());
    assertEquals(3, dataRows(byId(page, "scheme-f1")));
    // dtn's three groups beside the best static scheme's (W is the only static one here).
    Element sharing = byId(page, "sharing-chart");
    assertEquals(6, dataRows(sharing));
    assertEquals(List.of("W", "W", "W"), sharing.select("table.chart-data tbody tr td:eq(0)").eachText().subList(3, 6));
    assertEquals(List.of("private", "shared", "private"),
        sharing.select("table.chart-data tbody tr td:eq(2)").eachText().subList(3, 6));

    JsonArray runs = com.google.gson.JsonParser.parseString(Files.readString(dir.resolve("search/search.json")))
        .getAsJsonArray();
    assertEquals(6, runs.size());
    int bestRunEpochs = 0;
    for (String scheme : List.of("target-only", "W", "dtn")) {
      JsonObject best = null;
      for (JsonElement run : runs) {
        JsonObject r = run.getAsJsonObject();
        if (r.get("scheme").getAsString().equals(scheme)
            && (best == null || r.get("devF1").getAsDouble() > best.get("devF1").getAsDouble())) {
          best = r;
        }
      }
      bestRunEpochs += best.getAsJsonObject("history").getAsJsonArray("epochs").size();
    }
    Element curves = byId(page, "scheme-dev-f1");
    assertEquals(bestRunEpochs, dataRows(curves));
    assertEquals(bestRunEpochs + 3, circles(curves));
    Element gates = byId(page, "gates-over-epochs");
    // Same labels in both tasks: dtn gates chars, words and emissions, measured after every epoch.
    int dtnEpochs = dataRows(gates) / 3;
    assertEquals(3 * dtnEpochs, dataRows(gates));
    assertEquals(3 * dtnEpochs + 3, circles(gates));

    Cli.ok(dir, "report", "--search", "search", "--out", "search-again.html");
    assertEquals(page.select("#schemes").text(), page("search-again.html").select("#schemes").text());
  }

  @Test
  public void aDtnModelsReportShowsItsGatesOverEpochsAndTheirDistribution() throws Exception {
    Cli.ok(dir, "report", "--model", "search/dtn.model");
    Document page = page("search/dtn.html");
    int epochs = page.select("#dev-f1 table.chart-data tbody tr").size();
    assertEquals(3 * epochs, dataRows(byId(page, "gates-over-epochs")));
    // Ten tenths of [0, 1] for each of the three groups, and every value counted once per group.
    Element distribution = byId(page, "gate-distribution");
    assertEquals(30, dataRows(distribution));
    double chars = distribution.select("table.chart-data tbody tr:contains(chars) td:eq(3)").eachText().stream()
        .mapToDouble(Double::parseDouble).sum();
    assertEquals(100, chars, 0.5);
  }

  @Test
  public void evaluateWritesAReportBesideItsJsonWithTheModelsCard() throws Exception {
    Cli.ok(dir, "evaluate", "--gold", "test.tsv", "--model", "tiny.model", "--json", "eval/scores.json");
    Document page = page("eval/scores.html");
    selfContained(page);
    assertEquals(List.of("Disease", "Drug", "micro", "macro"),
        byId(page, "gold-scores").select("tbody tr td:eq(0)").eachText());
    assertEquals(4, page.select("table.error-kinds tbody tr").size());
    assertEquals(LABELS, byId(page, "model-card").select("table.card-finds tbody tr td:eq(0)").eachText());
    JsonObject json = StrictJson.parse(dir.resolve("eval/scores.json")).getAsJsonObject();
    int missed = json.getAsJsonObject("errors").getAsJsonObject("counts").get("MISSED").getAsInt();
    assertEquals(String.valueOf(missed), page.select("table.error-kinds tr:contains(Missed) td:eq(1)").text());

    Cli.ok(dir, "evaluate", "--gold", "test.tsv", "--pred", "test.tsv", "--report", "eval/files.html");
    assertTrue("no card without a model", page("eval/files.html").select("#model-card").isEmpty());
  }

  @Test
  public void everyJsonTheCommandLineWritesIsStrictJson() throws Exception {
    List<String> checked = new ArrayList<>();
    for (String model : List.of("tiny.model", "search/dtn.model", "search/W.model")) {
      try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(dir.resolve(model)))) {
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
          if (entry.getName().endsWith(".json")) {
            StrictJson.parse(new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                model + "!" + entry.getName());
            checked.add(model + "!" + entry.getName());
          }
        }
      }
    }
    assertTrue(checked.toString(), checked.containsAll(List.of("tiny.model!report.json", "tiny.model!card.json")));
    Cli.ok(dir, "evaluate", "--gold", "dev.tsv", "--model", "tiny.model", "--json", "strict/dev.json");
    Path notes = Files.createDirectories(dir.resolve("notes"));
    Files.writeString(notes.resolve("a.txt"), "The patient was given vancomycin for acute hepatitis.\n");
    Cli.ok(dir, "annotate", "--in", "notes", "--out", "annotated", "--model", "tiny.model", "--threads", "1");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
    }
    for (Path file : files) {
      StrictJson.parse(file);
      checked.add(dir.relativize(file).toString());
    }
    assertTrue(checked.toString(), checked.containsAll(List.of("search/search.json", "strict/dev.json",
        "annotated/.ctakes-dtn-annotate.json")));
    for (JsonElement run : StrictJson.parse(dir.resolve("search/search.json")).getAsJsonArray()) {
      assertTrue("testF1 is null without --test: " + run, run.getAsJsonObject().get("testF1").isJsonNull());
    }
  }
}
