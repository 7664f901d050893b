package io.github.ctakesdtn.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.ctakesdtn.corpus.LabelTypeMapping;
import io.github.ctakesdtn.eval.Counts;
import io.github.ctakesdtn.eval.ErrorAnalysis;
import io.github.ctakesdtn.eval.Evaluation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drafts a {@link ModelCard} from what a model file records: its labels and their cTAKES types, the
 * data fingerprints and scores of its provenance, and the mistakes its {@link TrainingRecord} counted.
 * What no file can know, the data's licences and the intended use, comes from the user
 * ({@code --data-licence}, {@code --intended-use}) or says that it was not given.
 */
public final class ModelCards {
  static final String NO_LICENCE = "not recorded (train --data-licence ROLE=LICENCE)";
  /** Below this many training sentences the card warns that the model saw little. */
  private static final long FEW_SENTENCES = 1_000;

  private ModelCards() {}

  /**
   * @param config the model file's {@code config.json}
   * @param provenance its {@code provenance.json}
   * @param record how training went, or null when the file has none
   * @param licences licence per data role (train, dev, test, source, vectors)
   * @param intendedUse the user's words, or null for the default
   */
  public static ModelCard draft(JsonObject config, JsonObject provenance, TrainingRecord record,
      Map<String, String> licences, String intendedUse) {
    List<String> labels = strings(config, "labels");
    LabelTypeMapping mapping = LabelTypeMapping.withOverrides(strings(config, "labelTypes"));
    List<ModelCard.Finding> finds = labels.stream()
        .map(label -> new ModelCard.Finding(label, shortType(mapping.typeFor(label).typeName()))).toList();
    List<ModelCard.Data> data = new ArrayList<>();
    JsonObject fingerprints = provenance.has("data") ? provenance.getAsJsonObject("data") : new JsonObject();
    for (String role : fingerprints.keySet()) {
      JsonObject f = fingerprints.getAsJsonObject(role);
      data.add(new ModelCard.Data(role, text(f, "source"), number(f, "sentences"), number(f, "mentions"),
          licences.getOrDefault(role, NO_LICENCE)));
    }
    String trainedAs = config.has("transfer") ? config.getAsJsonObject("transfer").get("trainedAs").getAsString()
        : "target-only";
    String encoder = config.getAsJsonObject("network").get("charEncoder").getAsString();
    String summary = "A BiLSTM-CRF tagger (character " + encoder.toUpperCase() + ", word embedding, word BiLSTM, CRF)"
        + " that finds " + String.join(", ", labels) + " mentions"
        + (trainedAs.equals("target-only") ? ""
            : ", trained with transfer from a source corpus (scheme " + trainedAs + ")")
        + ".";
    String train = fingerprints.has("train") ? text(fingerprints.getAsJsonObject("train"), "source")
        : "its training data";
    String use = intendedUse != null ? intendedUse
        : "Finding " + String.join(", ", labels) + " mentions in English text of the kind it was trained on (" + train
            + "), in a cTAKES pipeline (DtnNerAnnotator) or with the annotate command, for research, cohort finding"
            + " and review by people. Check its output on a sample of your own notes before relying on it; it is not"
            + " meant to make clinical decisions on its own.";
    return new ModelCard(summary, finds, data, scores(provenance), use, failureModes(fingerprints, record));
  }

  private static Map<String, Double> scores(JsonObject provenance) {
    Map<String, Double> scores = new LinkedHashMap<>();
    JsonObject s = provenance.has("scores") ? provenance.getAsJsonObject("scores") : new JsonObject();
    for (String key : List.of("devF1", "testF1")) {
      if (s.has(key) && !s.get(key).isJsonNull()) {
        scores.put(key.equals("devF1") ? "dev exact-span F1" : "test exact-span F1", 100 * s.get(key).getAsDouble());
      }
    }
    return scores;
  }

  private static List<String> failureModes(JsonObject fingerprints, TrainingRecord record) {
    List<String> modes = new ArrayList<>();
    if (record != null && !record.evaluations().isEmpty()) {
      Evaluation last = record.evaluations().get(record.evaluations().size() - 1);
      ErrorAnalysis.Summary errors = last.errors();
      errors.counts().entrySet().stream().filter(e -> e.getValue() > 0)
          .sorted(Map.Entry.<ErrorAnalysis.Kind, Integer>comparingByValue().reversed()).limit(2)
          .forEach(e -> modes.add(errorMode(e.getKey(), e.getValue(), last)));
      Counts micro = last.exact().micro();
      last.exact().byLabel().entrySet().stream().filter(e -> e.getValue().gold() > 0)
          .min(Comparator.comparingDouble(e -> e.getValue().f1()))
          .filter(e -> last.exact().byLabel().size() > 1 && e.getValue().f1() < micro.f1())
          .ifPresent(e -> modes.add(String.format("%s is found least well: exact F1 %.1f on the %s corpus (%d gold"
              + " mentions), against %.1f over all labels.", e.getKey(), 100 * e.getValue().f1(), last.corpus(),
              e.getValue().gold(), 100 * micro.f1())));
    }
    if (fingerprints.has("train") && number(fingerprints.getAsJsonObject("train"), "sentences") < FEW_SENTENCES) {
      modes.add("Trained on " + number(fingerprints.getAsJsonObject("train"), "sentences") + " sentences only: expect"
          + " misses on wordings and spellings they did not show.");
    }
    if (fingerprints.has("dev") && text(fingerprints.getAsJsonObject("dev"), "source").startsWith("carved from")) {
      modes.add("Its dev sentences were carved from the training corpus, so the dev score may be higher than on"
          + " text from elsewhere.");
    }
    modes.add("It knows only the text of its training corpora: notes of another specialty, institution or layout"
        + " (all-caps section headers, lists, templates) may score lower than the figures above.");
    return modes;
  }

  private static String errorMode(ErrorAnalysis.Kind kind, int count, Evaluation evaluation) {
    List<ErrorAnalysis.Example> examples = evaluation.errors().frequent().getOrDefault(kind, List.of());
    String example = examples.isEmpty() ? "" : ", most often " + ErrorSections.describe(kind, examples.get(0));
    return String.format("%s: %d on the %s corpus%s.", ErrorSections.title(kind), count, evaluation.corpus(), example);
  }

  static String shortType(String typeName) {
    return typeName.substring(typeName.lastIndexOf('.') + 1);
  }

  private static List<String> strings(JsonObject object, String key) {
    List<String> strings = new ArrayList<>();
    if (object.has(key)) {
      object.getAsJsonArray(key).forEach(e -> strings.add(e.getAsString()));
    }
    return strings;
  }

  private static String text(JsonObject object, String key) {
    JsonElement e = object.get(key);
    return e == null || e.isJsonNull() ? "" : e.getAsString();
  }

  private static long number(JsonObject object, String key) {
    JsonElement e = object.get(key);
    return e == null || e.isJsonNull() ? 0 : e.getAsLong();
  }
}
