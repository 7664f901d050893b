package io.github.ctakesdtn.uima;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class SectionHeadersTest {
  private static final String NOTE = String.join("\n",
      "CHIEF COMPLAINT: Chest pain.",
      "HISTORY OF PRESENT ILLNESS: 55-year-old man with h/o diabetes.",
      "PAST MEDICAL HISTORY:",
      "1. Diabetes",
      "  Medications:",
      "Metformin 500 mg daily",
      "ALLERGIES: NKDA.",
      "VITAL SIGNS",
      "Creatinine: 1.2",
      "COPD: stable",
      "CORONARY ARTERY DISEASE: stable",
      "Pregnancy",
      "Assessment and plan: continue metformin.\r",
      "LABS:");

  private static List<String> headers(String text) {
    return SectionHeaders.ctakes().find(text).stream().map(h -> text.substring(h[0], h[1])).toList();
  }

  @Test
  public void findsCtakesSectionNamesBeforeAColonOrAloneInCapitals() {
    assertEquals(List.of("CHIEF COMPLAINT", "HISTORY OF PRESENT ILLNESS", "PAST MEDICAL HISTORY", "Medications",
        "ALLERGIES", "VITAL SIGNS", "Assessment and plan", "LABS"), headers(NOTE));
  }

  @Test
  public void aLineWithAWordOutsideTheSectionNamesIsNoHeader() {
    assertEquals(List.of(), headers("COPD: stable\nCORONARY ARTERY DISEASE: stable\nCreatinine: 1.2\nCHEST PAIN\n"));
  }

  @Test
  public void aSectionWordInLowerCaseAloneOnItsLineIsNoHeader() {
    // Chia's criteria list conditions one per line: "Pregnancy" is a mention there.
    assertEquals(List.of(), headers("Pregnancy\nSurgery\n"));
    assertEquals(List.of("PREGNANCY"), headers("PREGNANCY\n"));
  }

  @Test
  public void aHeaderInsideALineIsNoHeader() {
    assertEquals(List.of(), headers("He has no allergies: none known."));
  }

  @Test
  public void overlapIsOfHalfOpenSpans() {
    List<int[]> headers = SectionHeaders.ctakes().find(NOTE);
    int[] chief = headers.get(0);
    assertTrue(SectionHeaders.overlapsAny(headers, chief[1] - 3, chief[1]));
    assertFalse(SectionHeaders.overlapsAny(headers, chief[1], chief[1] + 2));
    assertFalse(SectionHeaders.overlapsAny(List.of(), 0, 5));
  }
}
