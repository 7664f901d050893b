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
}
