package io.github.ctakesdtn.uima;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.ctakes.core.pipeline.PiperFileRunner;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The bundled piper file, run as the README runs it, on a folder holding notes and BRAT files. */
public class PiperFileTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void onlyTextNotesAreReadAndCharactersXmlCannotHoldBecomeSpaces() throws Exception {
    Path notes = temp.newFolder("notes").toPath();
    Files.writeString(notes.resolve("note1.txt"), "The patient takes aspirin for hypertension.\n");
    Files.writeString(notes.resolve("note1.ann"), "T1\tChemical 18 25\taspirin\n");
    Files.writeString(notes.resolve("note2.txt"), "Page one.\f\u0007Fever noted.\n");
    Path out = temp.newFolder("out").toPath();
    assertTrue(PiperFileRunner.run("-p", "io/github/ctakesdtn/pipeline/DtnNer.piper", "-i", notes.toString(),
        "-o", out.toString()));
    try (Stream<Path> files = Files.walk(out)) {
      List<String> xmi = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".xmi")).toList();
      assertEquals(List.of("note1.txt.xmi", "note2.txt.xmi"), xmi.stream().sorted().toList());
    }
    // The form feed and the bell became spaces, so the note could be written at all.
    try (Stream<Path> files = Files.walk(out)) {
      Path note2 = files.filter(f -> f.getFileName().toString().equals("note2.txt.xmi")).findFirst().orElseThrow();
      assertTrue(Files.readString(note2).contains("sofaString=\"Page one.  Fever noted."));
    }
  }

  /**
   * Piper files pass 0.0 and "1" as Strings, which set the threshold (an unquoted 1 arrives as an
   * Integer, which UIMA refuses for a String parameter: the docs say to write 1.0).
   */
  @Test
  public void minConfidenceIsSetFromAPiperFile() throws Exception {
    Path notes = temp.newFolder("in").toPath();
    Files.writeString(notes.resolve("note1.txt"), "The patient takes aspirin for hypertension and renal failure.\n");
    for (String value : List.of("0.0", "1.0", "\"1\"")) {
      String name = value.replace("\"", "q");
      Path piper = temp.getRoot().toPath().resolve("t" + name + ".piper");
      Files.writeString(piper, "reader io.github.ctakesdtn.uima.NoteTreeReader Extensions=txt\n"
          + "load DefaultTokenizerPipeline\n"
          + "add io.github.ctakesdtn.uima.DtnNerAnnotator minConfidence=" + value + "\n"
          + "writeXmis\n");
      Path out = temp.newFolder("out" + name).toPath();
      assertTrue(value, PiperFileRunner.run("-p", piper.toString(), "-i", notes.toString(), "-o", out.toString()));
      String xmi;
      try (Stream<Path> files = Files.walk(out)) {
        xmi = Files.readString(files.filter(f -> f.toString().endsWith(".xmi")).findFirst().orElseThrow());
      }
      // Confidence 1 exactly is rare for a CRF span, so at 1 the mentions found at 0 are gone.
      assertEquals(value, !value.equals("0.0"), !xmi.contains("MedicationMention") && !xmi.contains("DiseaseDisorderMention"));
    }
  }
}
