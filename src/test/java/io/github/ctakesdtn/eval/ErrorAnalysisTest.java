package io.github.ctakesdtn.eval;

import static org.junit.Assert.assertEquals;

import io.github.ctakesdtn.corpus.Mention;
import java.util.List;
import org.junit.Test;

public class ErrorAnalysisTest {
  private static final String TEXT = "acute renal failure after cisplatin and aspirin today";

  private static Mention m(String words, String label) {
    int begin = TEXT.indexOf(words);
    return new Mention(begin, begin + words.length(), label);
  }

  @Test
  public void eachMistakeIsSortedIntoItsKindWithTheTextItWasMadeOn() {
    ErrorAnalysis analysis = new ErrorAnalysis();
    List<Mention> gold = List.of(m("acute renal failure", "Disease"), m("cisplatin", "Drug"), m("aspirin", "Drug"));
    List<Mention> predicted = List.of(m("renal failure", "Disease"), m("cisplatin", "Disease"), m("today", "Drug"));
    analysis.add(gold, predicted, TEXT::substring);
    ErrorAnalysis.Summary summary = analysis.summary(5);
    assertEquals(1, summary.count(ErrorAnalysis.Kind.WRONG_BOUNDARY));
    assertEquals(1, summary.count(ErrorAnalysis.Kind.WRONG_TYPE));
    assertEquals(1, summary.count(ErrorAnalysis.Kind.SPURIOUS));
    assertEquals(1, summary.count(ErrorAnalysis.Kind.MISSED));
    assertEquals(new ErrorAnalysis.Example("acute renal failure", "Disease", "renal failure", "Disease", 1),
        summary.frequent().get(ErrorAnalysis.Kind.WRONG_BOUNDARY).get(0));
    assertEquals(new ErrorAnalysis.Example("cisplatin", "Drug", "cisplatin", "Disease", 1),
        summary.frequent().get(ErrorAnalysis.Kind.WRONG_TYPE).get(0));
    assertEquals(new ErrorAnalysis.Example("", "", "today", "Drug", 1),
        summary.frequent().get(ErrorAnalysis.Kind.SPURIOUS).get(0));
    assertEquals(new ErrorAnalysis.Example("aspirin", "Drug", "", "", 1),
        summary.frequent().get(ErrorAnalysis.Kind.MISSED).get(0));
  }

  @Test
  public void theMostFrequentMistakesComeFirstAndOnlyAsManyAsAsked() {
    ErrorAnalysis analysis = new ErrorAnalysis();
    for (int i = 0; i < 3; i++) {
      analysis.add(List.of(m("aspirin", "Drug")), List.of(), TEXT::substring);
    }
    analysis.add(List.of(m("cisplatin", "Drug")), List.of(), TEXT::substring);
    analysis.add(List.of(m("today", "Drug")), List.of(), TEXT::substring);
    analysis.add(List.of(m("aspirin", "Drug")), List.of(m("aspirin", "Drug")), TEXT::substring);
    ErrorAnalysis.Summary summary = analysis.summary(2);
    assertEquals(5, summary.count(ErrorAnalysis.Kind.MISSED));
    List<ErrorAnalysis.Example> missed = summary.frequent().get(ErrorAnalysis.Kind.MISSED);
    assertEquals(List.of("aspirin", "cisplatin"), missed.stream().map(ErrorAnalysis.Example::goldText).toList());
    assertEquals(3, missed.get(0).count());
    assertEquals(0, summary.count(ErrorAnalysis.Kind.SPURIOUS));
  }
}
