package io.github.ctakesdtn.cli;

import com.google.gson.JsonElement;
import io.github.ctakesdtn.eval.Evaluation;
import io.github.ctakesdtn.model.GateStatistics;
import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.model.ModelFile;
import io.github.ctakesdtn.model.TaggerModel;
import io.github.ctakesdtn.report.ModelCard;
import io.github.ctakesdtn.report.ModelCards;
import io.github.ctakesdtn.report.ModelReport;
import io.github.ctakesdtn.report.TrainingRecord;
import io.github.ctakesdtn.train.HistoryRecorder;
import io.github.ctakesdtn.train.TrainingHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The model-card options train and search share, and what they put in a model file for its report:
 * {@code report.json} (the {@link TrainingRecord}) and {@code card.json} (the {@link ModelCard}).
 */
final class ReportOptions {
  private static final Set<String> ROLES = Set.of("train", "dev", "test", "source", "vectors");

  @Option(names = "--data-licence", paramLabel = "ROLE=LICENCE",
      description = "For the model card: the licence of a corpus the model learned from or was scored on; ROLE is"
          + " train, dev, test, source or vectors (repeatable), e.g. train=CC-BY-4.0.")
  List<String> licences = new ArrayList<>();

  @Option(names = "--intended-use", paramLabel = "TEXT",
      description = "For the model card: what the model is for (default: a sentence naming its labels and data).")
  String intendedUse;

  /** The licences by role; a bad entry is an error naming it. */
  Map<String, String> licences() {
    Map<String, String> byRole = new LinkedHashMap<>();
    for (String entry : licences) {
      int eq = entry.indexOf('=');
      String role = eq < 0 ? "" : entry.substring(0, eq).trim();
      if (!ROLES.contains(role) || entry.substring(eq + 1).isBlank()) {
        throw new IllegalArgumentException("--data-licence " + entry + ": expected ROLE=LICENCE with ROLE one of "
            + "train, dev, test, source, vectors");
      }
      byRole.put(role, entry.substring(eq + 1).trim());
    }
    return byRole;
  }

  /**
   * The documents a model file keeps for its report: how training went and the model card.
   *
   * @param complete false for the file written while training still runs
   */
  Map<String, JsonElement> documents(TaggerModel model, TrainingHistory history, boolean complete,
      Map<String, long[]> gateHistograms, List<Evaluation> evaluations) {
    String scheme = model.transfer() == null ? "target-only" : model.transfer().trainedAs();
    TrainingRecord record = new TrainingRecord(scheme, complete, history, gateHistograms, evaluations);
    ModelCard card = ModelCards.draft(ModelFile.config(model), model.provenance(), record, licences(), intendedUse);
    Map<String, JsonElement> documents = new LinkedHashMap<>();
    documents.put(ModelFile.REPORT, ModelReport.json(record));
    documents.put(ModelFile.CARD, ModelReport.json(card));
    return documents;
  }

  /** DTN's gate values on the dev sentences, as histograms per group (empty for other models). */
  static Map<String, long[]> gateHistograms(TaggerModel model, List<LabeledSentence> dev) {
    if (!HistoryRecorder.isDtn(model)) {
      return Map.of();
    }
    return GateStatistics.histograms(model, dev.stream().map(LabeledSentence::tokens).toList(),
        TrainingRecord.GATE_BINS);
  }

  /** Writes the report on a saved model beside it, drawn from what the file keeps, and says where. */
  static Path writeReport(Path model) throws IOException {
    Path html = ModelReport.besideModel(model);
    ModelReport.write(model, html);
    return html;
  }
}
