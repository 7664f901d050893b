package io.github.ctakesdtn.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.ctakesdtn.corpus.Mention;
import io.github.ctakesdtn.eval.ErrorAnalysis;
import io.github.ctakesdtn.eval.Evaluation;
import io.github.ctakesdtn.eval.SpanScorer;
import io.github.ctakesdtn.train.TrainingHistory;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ModelCardsTest {
  private static final JsonObject CONFIG = JsonParser.parseString("""
      {"network": {"charEncoder": "cnn"}, "labels": ["Disease", "Drug"], "labelTypes": ["Drug=MedicationMention"]}
      """).getAsJsonObject();
  private static final JsonObject PROVENANCE = JsonParser.parseString("""
      {"data": {"train": {"source": "notes/train", "sentences": 240, "mentions": 300},
                "dev": {"source": "carved from notes/train (fraction 0.1, seed 1)", "sentences": 30, "mentions": 40}},
       "scores": {"devF1": 0.8, "testF1": null}}
      """).getAsJsonObject();

  /** Dev scores where Drug is found half as well as Disease, and two drugs are missed. */
  private static TrainingRecord record() {
    String text = "fever after aspirin and cough after ibuprofen";
    SpanScorer scorer = new SpanScorer();
    ErrorAnalysis errors = new ErrorAnalysis();
    List<Mention> gold = List.of(new Mention(0, 5, "Disease"), new Mention(12, 19, "Drug"),
        new Mention(24, 29, "Disease"), new Mention(36, 45, "Drug"));
    List<Mention> predicted = List.of(new Mention(0, 5, "Disease"), new Mention(24, 29, "Disease"));
    scorer.add(gold, predicted);
    errors.add(gold, predicted, text::substring);
    Evaluation dev = new Evaluation("dev", "sentences", 1, scorer.exact(), scorer.overlap(), errors.summary(3));
    return new TrainingRecord("target-only", true, new TrainingHistory(List.of(), List.of()), Map.of(), List.of(dev));
  }

  @Test
  public void theCardSaysWhatTheModelFindsItsDataScoresAndFailureModes() {
    ModelCard card = ModelCards.draft(CONFIG, PROVENANCE, record(), Map.of("train", "CC-BY-4.0"), null);
    assertEquals(List.of(new ModelCard.Finding("Disease", "DiseaseDisorderMention"),
        new ModelCard.Finding("Drug", "MedicationMention")), card.finds());
    assertEquals(List.of("train", "dev"), card.data().stream().map(ModelCard.Data::role).toList());
    assertEquals("CC-BY-4.0", card.data().get(0).licence());
    assertEquals(ModelCards.NO_LICENCE, card.data().get(1).licence());
    assertEquals(Map.of("dev exact-span F1", 80.0), card.scores());
    assertTrue(card.intendedUse(), card.intendedUse().contains("Disease, Drug"));
    assertTrue(card.intendedUse(), card.intendedUse().contains("notes/train"));
    String modes = String.join("\n", card.failureModes());
    assertTrue(modes, modes.contains("Missed: 2 on the dev corpus, most often \u201caspirin\u201d (Drug)"));
    assertTrue(modes, modes.contains("Drug is found least well: exact F1 0.0"));
    assertTrue(modes, modes.contains("Trained on 240 sentences only"));
    assertTrue(modes, modes.contains("carved from the training corpus"));
  }

  @Test
  public void theUsersWordsReplaceTheDefaultUseAndACardSurvivesJson() {
    ModelCard card = ModelCards.draft(CONFIG, PROVENANCE, null, Map.of(), "Cohort finding in our oncology notes.");
    assertEquals("Cohort finding in our oncology notes.", card.intendedUse());
    assertEquals(card, ModelReport.card(ModelReport.json(card)));
    TrainingRecord record = record();
    TrainingRecord back = ModelReport.record(ModelReport.json(record));
    assertEquals(record.evaluations(), back.evaluations());
  }
}
