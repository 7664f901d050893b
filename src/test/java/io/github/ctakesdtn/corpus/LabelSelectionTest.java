package io.github.ctakesdtn.corpus;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class LabelSelectionTest {
  private static final List<Mention> MENTIONS = List.of(new Mention(0, 3, "Condition"), new Mention(4, 7, "Value"),
      new Mention(8, 11, "Drug"), new Mention(12, 15, "Value"), new Mention(16, 19, "condition"));

  @Test
  public void keepsRenamesAndCountsTheRestByLabel() {
    ConversionReport report = new ConversionReport();
    LabelSelection selection = LabelSelection.of(List.of("Condition=DiseaseDisorderMention", " Drug "));
    assertEquals(List.of(new Mention(0, 3, "DiseaseDisorderMention"), new Mention(8, 11, "Drug")),
        selection.apply(MENTIONS, report));
    // Matched exactly: "condition" is another label.
    assertEquals(Map.of("Value", 2, "condition", 1), report.ignoredLabels());
    assertEquals(List.of(), selection.neverSeen());
  }

  @Test
  public void theEmptySelectionKeepsEverythingAndCountsNothing() {
    ConversionReport report = new ConversionReport();
    assertTrue(LabelSelection.of(List.of()).keepsEverything());
    assertEquals(MENTIONS, LabelSelection.all().apply(MENTIONS, report));
    assertEquals(Map.of(), report.ignoredLabels());
  }

  @Test
  public void badEntriesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> LabelSelection.of(List.of("=Drug")));
    assertThrows(IllegalArgumentException.class, () -> LabelSelection.of(List.of("Drug=")));
    assertThrows(IllegalArgumentException.class, () -> LabelSelection.of(List.of("Drug", "Drug=MedicationMention")));
  }

  @Test
  public void theReportPrintsIgnoredLabelsMostFrequentFirst() {
    ConversionReport report = new ConversionReport();
    LabelSelection.of(List.of("Drug")).apply(MENTIONS, report);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed, printed.contains("ignored (label not selected) 4: Value 2, Condition 1, condition 1"));
  }
}
