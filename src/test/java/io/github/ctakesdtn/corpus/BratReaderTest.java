package io.github.ctakesdtn.corpus;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.corpus.BratReader.DiscontinuousPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Runs the real cTAKES sentence detector and tokenizer. */
public class BratReaderTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();
  private static CtakesTokenizer tokenizer;

  @BeforeClass
  public static void startCtakes() throws Exception {
    tokenizer = new CtakesTokenizer();
  }

  @AfterClass
  public static void stopCtakes() {
    tokenizer.close();
  }

  private Path pair(String name, String text, String ann) throws IOException {
    Path dir = temp.getRoot().toPath();
    Files.writeString(dir.resolve(name + ".txt"), text);
    Files.writeString(dir.resolve(name + ".ann"), ann);
    return dir;
  }

  @Test
  public void keepsCarriageReturnsSoOffsetsMatchAndTokenizesWithCtakes() throws IOException {
    String text = "Patient has diabetes.\r\nHe takes metformin daily.\r\n";
    Path dir = pair("note", text,
        "T1\tDisease 12 20\tdiabetes\nT2\tDrug 32 41\tmetformin\nR1\tTreats Arg1:T2 Arg2:T1\n#1\tAnnotatorNotes T1\tok\n");
    Collected c = Collected.read(new BratReader(tokenizer, DiscontinuousPolicy.DROP), dir);
    assertEquals(List.of(), c.failures);
    Document doc = c.documents.get(0);
    assertEquals(text, doc.text());
    assertEquals(2, doc.sentences().size());
    assertEquals(List.of("Disease:diabetes", "Drug:metformin"), c.coveredMentions(0));
    assertEquals(Integer.valueOf(1), c.report.adjustments().get("ignored: non-entity .ann line (R)"));
    assertEquals(Integer.valueOf(1), c.report.adjustments().get("ignored: non-entity .ann line (#)"));
  }

  /**
   * A Chia-shaped .ann: OR lines, relations, attributes and notes, non-entity labels around and
   * inside the kept ones, a discontinuous mention, an overlap among kept labels, and a typo in the
   * text column of a left-out annotation.
   */
  @Test
  public void aSelectionKeepsAndRenamesLabelsBeforeOverlapsAreResolved() throws IOException {
    String text = "No history of severe renal disease or metformin use.\nHbA1c > 7% and hepatic or renal failure.\n";
    String ann = String.join("\n",
        "T1\tCondition 21 34\trenal disease",
        "T2\tQualifier 14 34\tsevere renal disease",       // left out, so it cannot push T1 out
        "T3\tDrug 38 47\tmetformin",
        "T4\tNegation 0 2\tNo",
        "T5\tMeasurement 53 58\tHbA1c",
        "T6\tValue 59 63\t> 9%",                          // wrong text column, but not selected
        "T7\tCondition 68 75;85 92\thepatic failure",      // discontinuous
        "T8\tCondition 79 92\trenal failure",
        "T9\tCondition 79 84\trenal",                      // inside T8: the longer one wins
        "*\tOR T7 T8",
        "R1\tHas_value Arg1:T5 Arg2:T6",
        "A1\tOptional T3",
        "#1\tAnnotatorNotes T1\tchecked",
        "");
    Path dir = pair("NCT0_inc", text, ann);
    LabelSelection labels = LabelSelection.of(List.of("Condition=DiseaseDisorderMention", "Drug=MedicationMention",
        "Measurement=LabMention", "Procedure=ProcedureMention"));
    Collected c = Collected.read(new BratReader(tokenizer, DiscontinuousPolicy.DROP, labels), dir);
    assertEquals(List.of(), c.failures);
    assertEquals(List.of("DiseaseDisorderMention:renal disease", "MedicationMention:metformin", "LabMention:HbA1c",
        "DiseaseDisorderMention:renal failure"), c.coveredMentions(0));
    assertEquals(Map.of("Qualifier", 1, "Negation", 1, "Value", 1), c.report.ignoredLabels());
    assertEquals(Integer.valueOf(1), c.report.adjustments().get("dropped: discontinuous mention"));
    assertEquals(Integer.valueOf(1), c.report.adjustments().get("dropped: overlaps a longer mention"));
    for (String kind : List.of("*", "R", "A", "#")) {
      assertEquals(kind, Integer.valueOf(1), c.report.adjustments().get("ignored: non-entity .ann line (" + kind + ")"));
    }
    assertEquals(List.of("Procedure"), labels.neverSeen());
  }

  @Test
  public void discontinuousMentionsFollowThePolicy() throws IOException {
    Path dir = pair("d", "Left and right atrium dilated.\n", "T1\tAnatomy 0 4;15 21\tLeft atrium\n");
    assertEquals(List.of(), Collected.read(new BratReader(tokenizer, DiscontinuousPolicy.DROP), dir).coveredMentions(0));
    assertEquals(List.of("Anatomy:Left and right atrium"),
        Collected.read(new BratReader(tokenizer, DiscontinuousPolicy.EXTENT), dir).coveredMentions(0));
    Collected first = Collected.read(new BratReader(tokenizer, DiscontinuousPolicy.FIRST), dir);
    assertEquals(List.of("Anatomy:Left"), first.coveredMentions(0));
    assertEquals(Integer.valueOf(1), first.report.adjustments().get("snapped: discontinuous mention, first fragment kept"));
  }

  @Test
  public void anOffsetPastTheTextSkipsTheDocumentWithFileAndLine() throws IOException {
    Path dir = pair("bad", "Short text.\n", "T1\tDisease 0 5\tShort\nT2\tDisease 6 99\ttext\n");
    pair("good", "Fever today.\n", "T1\tSymptom 0 5\tFever\n");
    Collected c = Collected.read(new BratReader(tokenizer, DiscontinuousPolicy.DROP), dir);
    assertEquals(1, c.documents.size());
    assertEquals("good", c.documents.get(0).id());
    assertEquals(1, c.failures.size());
    assertTrue(c.failures.get(0), c.failures.get(0).contains("bad.ann: line 2: offset 99 is past the end of the text (12 characters)"));
  }

  @Test
  public void aMissingAnnFileIsReported() throws IOException {
    Path dir = temp.getRoot().toPath();
    Files.writeString(dir.resolve("lonely.txt"), "Nothing here.");
    Collected c = Collected.read(new BratReader(tokenizer, DiscontinuousPolicy.DROP), dir);
    assertTrue(c.failures.get(0), c.failures.get(0).contains("lonely.ann: missing"));
  }

  @Test
  public void offsetsThatDoNotCoverTheTextColumnAreAnErrorNamingFileAndLine() throws IOException {
    Path dir = pair("wrong", "Patients given cyclophosphamide.\n", "T1\tChemical 15 31\tcyclophosphamide\n"
        + "T2\tChemical 0 8\tcyclophosphamide\n");
    pair("good", "Fever today.\n", "T1\tSymptom 0 5\tFever\n");
    Collected c = Collected.read(new BratReader(tokenizer, DiscontinuousPolicy.DROP), dir);
    assertEquals(List.of("good"), c.documents.stream().map(Document::id).toList());
    assertTrue(c.failures.get(0), c.failures.get(0).contains(
        "wrong.ann: line 2: offsets 0-8 cover 'Patients' but the text column says 'cyclophosphamide'"));
  }

  @Test
  public void codePointOffsetsAfterAnEmojiAreDetectedByTheTextColumnAndConverted() throws IOException {
    // brat counts the emoji as one character, Java as two.
    String text = "Mood \uD83D\uDE00 then lupus nephritis.\n";
    Path dir = pair("emoji", text, "T1\tDisease 12 27\tlupus nephritis\n");
    Collected c = Collected.read(new BratReader(tokenizer, DiscontinuousPolicy.DROP), dir);
    assertEquals(List.of(), c.failures);
    assertEquals(List.of("Disease:lupus nephritis"), c.coveredMentions(0));
    assertEquals(Integer.valueOf(1), c.report.adjustments().get(BratOffsets.CONVERTED));
  }

  @Test
  public void offsetsCountingTheTextFilesByteOrderMarkAreDetectedByTheTextColumnAndConverted() throws IOException {
    // MEDDOCAN: the .txt starts with a byte-order mark, which brat counts as the first character.
    Path dir = pair("bom", "\uFEFFNombre: Ernesto. Fiebre.\n", "T1\tNOMBRE 9 16\tErnesto\n");
    Collected c = Collected.read(new BratReader(tokenizer, DiscontinuousPolicy.DROP), dir);
    assertEquals(List.of(), c.failures);
    assertEquals(List.of("NOMBRE:Ernesto"), c.coveredMentions(0));
    assertEquals(Integer.valueOf(1), c.report.adjustments().get(BratOffsets.AFTER_MARK));

    pair("bom", "\uFEFFNombre: Ernesto. Fiebre.\n", "T1\tNOMBRE 8 15\tErnesto\n");
    Collected stripped = Collected.read(new BratReader(tokenizer, DiscontinuousPolicy.DROP), dir);
    assertEquals("offsets made without the mark stay as they are", List.of("NOMBRE:Ernesto"),
        stripped.coveredMentions(0));
    assertEquals(null, stripped.report.adjustments().get(BratOffsets.AFTER_MARK));
  }

  @Test
  public void withoutATextColumnOffsetsAfterAnEmojiAreAnErrorAndOtherwiseCounted() throws IOException {
    Path dir = pair("plain", "Fever today.\n", "T1\tSymptom 0 5\n");
    Collected plain = Collected.read(new BratReader(tokenizer, DiscontinuousPolicy.DROP), dir);
    assertEquals(List.of("Symptom:Fever"), plain.coveredMentions(0));
    assertEquals(Integer.valueOf(1), plain.report.adjustments().get(BratOffsets.UNCHECKED));
    pair("plain", "Mood \uD83D\uDE00 then fever.\n", "T1\tSymptom 13 18\n");
    Collected emoji = Collected.read(new BratReader(tokenizer, DiscontinuousPolicy.DROP), dir);
    assertTrue(emoji.failures.get(0), emoji.failures.get(0).contains("plain.ann: line 1: no text column"));
  }

  @Test
  public void anAnnFileWithoutItsTextIsReported() throws IOException {
    Path dir = pair("good", "Fever today.\n", "T1\tSymptom 0 5\tFever\n");
    Files.writeString(dir.resolve("orphan.ann"), "T1\tSymptom 0 5\tFever\n");
    Collected c = Collected.read(new BratReader(tokenizer, DiscontinuousPolicy.DROP), dir);
    assertEquals(1, c.documents.size());
    assertTrue(c.failures.get(0), c.failures.get(0).contains("orphan.ann: no orphan.txt beside it"));
  }

  @Test
  public void loneCarriageReturnsInTheAnnFileEndLines() throws IOException {
    Path dir = pair("mac", "Fever and cough.\r", "T1\tSymptom 0 5\tFever\rT2\tSymptom 10 15\tcough\r");
    assertEquals(List.of("Symptom:Fever", "Symptom:cough"),
        Collected.read(new BratReader(tokenizer, DiscontinuousPolicy.DROP), dir).coveredMentions(0));
  }

  @Test
  public void formFeedsAreReplacedBySpacesKeepingOffsetsAndCounted() throws IOException {
    Path dir = pair("ff", "Fever.\fCough.\n", "T1\tSymptom 7 12\tCough\n");
    Collected c = Collected.read(new BratReader(tokenizer, DiscontinuousPolicy.DROP), dir);
    assertEquals("Fever. Cough.\n", c.documents.get(0).text());
    assertEquals(List.of("Symptom:Cough"), c.coveredMentions(0));
    assertEquals(Integer.valueOf(1), c.report.adjustments().get(TextAnnotationPairs.REPLACED));
  }
}
