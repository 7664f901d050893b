package io.github.ctakesdtn.eval;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.corpus.Document;
import io.github.ctakesdtn.corpus.Mention;
import io.github.ctakesdtn.corpus.Sentence;
import io.github.ctakesdtn.corpus.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Nothing unpaired may vanish from the scores: it is counted as missed and reported. */
public class CorpusEvaluatorTest {
  /** One-token sentences "w0", "w1", ... each labelled X. */
  private static Document doc(String id, int sentences) {
    StringBuilder text = new StringBuilder();
    List<Sentence> list = new ArrayList<>();
    List<Mention> mentions = new ArrayList<>();
    for (int i = 0; i < sentences; i++) {
      if (i > 0) {
        text.append('\n');
      }
      int begin = text.length();
      text.append("w").append(i);
      list.add(Sentence.of(List.of(new Token(begin, text.length()))));
      mentions.add(new Mention(begin, text.length(), "X"));
    }
    return new Document(id, text.toString(), list, mentions);
  }

  @Test
  public void aPredictedDocumentCutShortIsReportedAndItsGoldCountedAsMissed() {
    List<Document> gold = List.of(doc("a", 20), doc("b", 20), doc("c", 20));
    List<Document> predicted = List.of(doc("a", 20), doc("b", 20), doc("c", 5));
    EvaluationReport report = CorpusEvaluator.evaluate(gold, predicted, true, List.of());
    assertEquals(new Counts(60, 40, 40, 40), report.exact().micro());
    assertEquals(1, report.problems().size());
    String problem = report.problems().get(0);
    assertTrue(problem, problem.contains("document c: the predicted text differs from the gold text from character 14"
        + " (line 5)"));
    assertTrue(problem, problem.contains("gold 20 sentences") && problem.contains("predicted 5 sentences"));
  }

  @Test
  public void missingDocumentsPairedByPositionAreScoredNotSkipped() {
    EvaluationReport report = CorpusEvaluator.evaluate(List.of(doc("a", 2), doc("b", 3)), List.of(doc("a", 2)), true,
        List.of());
    assertEquals(new Counts(5, 2, 2, 2), report.exact().micro());
    assertTrue(report.problems().get(0), report.problems().get(0).startsWith("no prediction for document b"));
  }

  @Test
  public void extraAndMissingDocumentsPairedByIdAreReported() {
    EvaluationReport report = CorpusEvaluator.evaluate(List.of(doc("a", 2), doc("b", 1)),
        List.of(doc("a", 2), doc("z", 1)), false, List.of());
    assertEquals(2, report.problems().size());
    assertTrue(report.problems().get(1), report.problems().get(1).contains("document z, which is not in the gold"));
    assertEquals(new Counts(3, 2, 2, 2), report.exact().micro());
  }

  @Test
  public void jsonKeysComeInAFixedOrder() {
    EvaluationReport report = CorpusEvaluator.evaluate(List.of(doc("a", 2)), List.of(doc("a", 2)), false, List.of());
    String json = report.toJson();
    assertTrue(json, json.indexOf("\"precision\"") < json.indexOf("\"recall\"")
        && json.indexOf("\"recall\"") < json.indexOf("\"f1\""));
    int macro = json.indexOf("\"macro\"");
    assertTrue(json, json.indexOf("\"precision\"", macro) < json.indexOf("\"recall\"", macro)
        && json.indexOf("\"recall\"", macro) < json.indexOf("\"f1\"", macro));
    assertEquals(json, CorpusEvaluator.evaluate(List.of(doc("a", 2)), List.of(doc("a", 2)), false, List.of()).toJson());
  }
}
