package io.github.ctakesdtn.clinical;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.clinical.RobustnessCheck.Predicted;
import io.github.ctakesdtn.corpus.Mention;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class RobustnessCheckTest {
  private static final SyntheticNote NOTE = SyntheticClinicalNotes.generate(1, 2).get(0);

  private static List<Predicted> gold() {
    List<Predicted> predicted = new ArrayList<>();
    for (Mention m : NOTE.mentions()) {
      predicted.add(new Predicted(m.begin(), m.end(), m.label()));
    }
    return predicted;
  }

  @Test
  public void theGoldItselfPasses() {
    RobustnessCheck.Result result = RobustnessCheck.judge(List.of(NOTE), List.of(gold()));
    assertTrue(result.passes());
    assertEquals(NOTE.headers().size(), result.headers());
    assertEquals(NOTE.lineStartDrugs().size(), result.lineStartDrugs());
  }

  @Test
  public void aTaggedHeaderAndAMissedOrMistypedDrugFail() {
    List<Predicted> predicted = gold();
    Mention header = NOTE.headers().get(1);
    predicted.add(new Predicted(header.end() - 3, header.end(), "DiseaseDisorderMention"));
    Mention first = NOTE.lineStartDrugs().get(0);
    Mention second = NOTE.lineStartDrugs().get(1);
    predicted.removeIf(p -> p.begin() == first.begin() || p.begin() == second.begin());
    predicted.add(new Predicted(second.begin(), second.end(), "LabMention"));
    RobustnessCheck.Result result = RobustnessCheck.judge(List.of(NOTE), List.of(predicted));
    assertFalse(result.passes());
    assertEquals(1, result.taggedHeaders().size());
    assertTrue(result.taggedHeaders().get(0), result.taggedHeaders().get(0).contains(NOTE.covered(header)));
    assertEquals(2, result.missedDrugs().size());
    assertTrue(result.missedDrugs().get(0), result.missedDrugs().get(0).endsWith("(nothing predicted there)"));
    assertTrue(result.missedDrugs().get(1), result.missedDrugs().get(1).contains("(predicted LabMention"));
  }

  @Test
  public void notesAndPredictionsMustPair() {
    assertThrows(IllegalArgumentException.class, () -> RobustnessCheck.judge(List.of(NOTE), List.of()));
  }
}
