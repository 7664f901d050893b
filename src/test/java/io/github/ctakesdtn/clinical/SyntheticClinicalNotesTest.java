package io.github.ctakesdtn.clinical;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.corpus.CasCorpusReader;
import io.github.ctakesdtn.corpus.ConversionReport;
import io.github.ctakesdtn.corpus.Document;
import io.github.ctakesdtn.corpus.Mention;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SyntheticClinicalNotesTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void theSameSeedGivesTheSameNotesAndAnotherSeedOthers() {
    assertEquals(SyntheticClinicalNotes.generate(5, 3), SyntheticClinicalNotes.generate(5, 3));
    assertNotEquals(SyntheticClinicalNotes.generate(5, 3), SyntheticClinicalNotes.generate(5, 4));
  }

  @Test
  public void mentionsHeadersAndLineStartDrugsAreWhereTheNotesSayTheyAre() {
    List<SyntheticNote> notes = SyntheticClinicalNotes.generate(30, 11);
    Set<String> labels = notes.stream().flatMap(n -> n.mentions().stream()).map(Mention::label)
        .collect(Collectors.toSet());
    assertEquals(Set.of("DiseaseDisorderMention", "SignSymptomMention", "MedicationMention", "ProcedureMention",
        "LabMention"), labels);
    for (SyntheticNote note : notes) {
      List<Mention> mentions = note.mentions();
      for (int i = 0; i < mentions.size(); i++) {
        String covered = note.covered(mentions.get(i));
        assertEquals(covered, covered.strip(), covered);
        assertTrue(covered, Character.isLetter(covered.charAt(covered.length() - 1)));
        if (i > 0) {
          assertTrue("in order, not overlapping", mentions.get(i - 1).end() < mentions.get(i).begin());
        }
      }
      for (Mention header : note.headers()) {
        String covered = note.covered(header);
        assertEquals(covered.toUpperCase(), covered);
        assertTrue(header.begin() == 0 || note.text().charAt(header.begin() - 1) == '\n');
        assertEquals(':', note.text().charAt(header.end()));
        assertFalse(mentions.stream().anyMatch(header::overlaps));
      }
      assertFalse(note.lineStartDrugs().isEmpty());
      for (Mention drug : note.lineStartDrugs()) {
        assertEquals('\n', note.text().charAt(drug.begin() - 1));
        assertTrue(mentions.contains(drug));
      }
    }
  }

  /** The gold fits cTAKES' tokens as it is: converting it changes no mention. */
  @Test
  public void theWrittenCorpusConvertsWithCtakesTokensWithoutTouchingAMention() throws Exception {
    List<SyntheticNote> notes = SyntheticClinicalNotes.generate(8, 5);
    Path out = temp.getRoot().toPath();
    ConversionReport report = SyntheticCorpusWriter.write(notes, out);
    assertEquals(List.of(), report.failures());
    assertEquals(Map.of(), report.adjustments());
    for (SyntheticNote note : notes) {
      Document back = new CasCorpusReader(List.of()).read(out.resolve("xmi").resolve(note.id() + ".xmi"), note.id());
      assertEquals(note.text(), back.text());
      assertEquals(note.mentions(), back.mentions());
    }
  }
}
