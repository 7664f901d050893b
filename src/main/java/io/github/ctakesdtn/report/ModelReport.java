package io.github.ctakesdtn.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.ctakesdtn.eval.Evaluation;
import io.github.ctakesdtn.model.ModelFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * The report on one trained model, drawn only from what its model file keeps (so
 * {@code report --model} redraws what {@code train} wrote): the model card, learning curves, DTN's
 * gates, the scores by label and the most frequent mistakes on dev and test.
 */
public final class ModelReport {
  /** The report data as JSON: NaN and infinities are refused rather than written (JSON has neither). */
  static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

  private ModelReport() {}

  public static JsonElement json(Object data) {
    return GSON.toJsonTree(data);
  }

  public static TrainingRecord record(JsonElement json) {
    return GSON.fromJson(json, TrainingRecord.class);
  }

  public static ModelCard card(JsonElement json) {
    return GSON.fromJson(json, ModelCard.class);
  }

  /** The report's usual place: beside the model, {@code NAME.model} → {@code NAME.html}. */
  public static Path besideModel(Path model) {
    String name = model.getFileName().toString();
    String base = name.endsWith(".model") ? name.substring(0, name.length() - ".model".length()) : name;
    return model.resolveSibling(base + ".html");
  }

  /** A model file's card: the one it keeps, or one drafted from its provenance for older files. */
  public static ModelCard card(Path model) throws IOException {
    return card(ModelFile.documents(model));
  }

  private static ModelCard card(Map<String, JsonElement> documents) {
    JsonObject config = documents.get("config.json").getAsJsonObject();
    JsonObject provenance = documents.get("provenance.json").getAsJsonObject();
    TrainingRecord record = documents.containsKey(ModelFile.REPORT) ? record(documents.get(ModelFile.REPORT)) : null;
    return documents.containsKey(ModelFile.CARD) ? card(documents.get(ModelFile.CARD))
        : ModelCards.draft(config, provenance, record, Map.of(), null);
  }

  /** Reads a model file's documents and writes its report. */
  public static void write(Path model, Path out) throws IOException {
    write(ModelFile.documents(model), model.getFileName().toString(), out);
  }

  /**
   * @param documents a model file's JSON entries ({@link ModelFile#documents})
   * @param name the model's name in the title
   */
  public static void write(Map<String, JsonElement> documents, String name, Path out) throws IOException {
    JsonObject provenance = documents.get("provenance.json").getAsJsonObject();
    TrainingRecord record = documents.containsKey(ModelFile.REPORT) ? record(documents.get(ModelFile.REPORT)) : null;
    ModelCard card = card(documents);
    HtmlPage page = new HtmlPage("Model report: " + name);
    Element intro = page.section("about", "About this model");
    aboutTable(intro, provenance, record);
    if (record == null) {
      HtmlPage.note(intro, "This model file keeps no training history (it was made before reports existed, or by"
          + " another tool): the card below is drafted from its provenance.");
    } else if (!record.complete()) {
      HtmlPage.note(intro, "Training had not finished when this file was written: the curves end at the best epoch"
          + " so far, and the final scores are missing.");
    }
    CardSection.add(page, card);
    if (record != null) {
      TrainingSections.learningCurves(page, record.history());
      TrainingSections.gates(page, record.history(), record.gateHistograms());
      if (!record.evaluations().isEmpty()) {
        Element scores = page.section("scores", "Scores and mistakes of the chosen model");
        for (Evaluation evaluation : record.evaluations()) {
          ScoreSections.add(scores, evaluation.corpus(), evaluation);
        }
      }
    }
    page.write(out);
  }

  /** Library versions in a line: "ctakes 6.0.0, ctakes-dtn 0.1.0, ...". */
  public static String versions(JsonObject versions) {
    List<String> parts = new ArrayList<>();
    versions.keySet().forEach(k -> parts.add(k + " " + versions.get(k).getAsString()));
    return String.join(", ", parts);
  }

  private static void aboutTable(Element parent, JsonObject provenance, TrainingRecord record) {
    List<List<String>> rows = new ArrayList<>();
    for (String key : List.of("command", "created")) {
      if (provenance.has(key)) {
        rows.add(List.of(key, provenance.get(key).getAsString()));
      }
    }
    if (record != null) {
      rows.add(List.of("scheme", record.scheme()));
    }
    if (provenance.has("versions")) {
      rows.add(List.of("versions", versions(provenance.getAsJsonObject("versions"))));
    }
    HtmlPage.table(parent, "about", List.of(), rows, List.of());
  }
}
