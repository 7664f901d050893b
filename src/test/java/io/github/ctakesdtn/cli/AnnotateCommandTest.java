package io.github.ctakesdtn.cli;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** annotate with the bundled model: output that does not depend on scheduling, reruns that do not duplicate. */
public class AnnotateCommandTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  /** Sentences naming drugs and diseases, also used by the integration tests. */
  public static final String[] NOTES = {
      "The patient was started on aspirin and metformin for type 2 diabetes.",
      "No signs of pneumonia. Hypertension is controlled with lisinopril.",
      "Aspirin was stopped because of bleeding and acute renal failure.",
      "She reports headache and nausea after taking ibuprofen.",
      "History of asthma, treated with albuterol and prednisone.",
      "Denies chest pain. Known coronary artery disease and heart failure.",
  };

  /** Notes of varied length, so a reused CAS would have grown its indexes differently for each. */
  private Path notes(int count) throws Exception {
    Path in = temp.newFolder("in").toPath();
    for (int n = 0; n < count; n++) {
      StringBuilder note = new StringBuilder();
      for (int i = 0; i < 1 + n % 5 * 3; i++) {
        note.append(NOTES[(n + i) % NOTES.length]).append(i % 2 == 0 ? " " : "\n");
      }
      Files.writeString(in.resolve(String.format("n%02d.txt", n)), note + "\n");
    }
    // CAS notes too: already tokenized, with gold mentions, as convert writes them.
    StringBuilder conll = new StringBuilder();
    for (String note : NOTES) {
      for (String word : note.split(" ")) {
        conll.append(word).append("\tO\n");
      }
      conll.append('\n');
    }
    Path tsv = temp.getRoot().toPath().resolve("corpus.tsv");
    Files.writeString(tsv, conll.toString());
    CliRun.Result converted = CliRun.run("convert", "--format", "conll", "--in", tsv.toString(), "--out",
        in.resolve("cas").toString(), "--sentences-per-doc", "1");
    assertEquals(converted.toString(), 0, converted.exitCode());
    return in;
  }

  @Test
  public void fourThreadsWriteTheSameBytesAsOne() throws Exception {
    Path in = notes(20);
    Path one = temp.getRoot().toPath().resolve("one");
    Path four = temp.getRoot().toPath().resolve("four");
    CliRun.Result single = CliRun.run("annotate", "--in", in.toString(), "--out", one.toString(), "--threads", "1");
    assertEquals(single.toString(), 0, single.exitCode());
    CliRun.Result result = CliRun.run("annotate", "--in", in.toString(), "--out", four.toString(), "--threads", "4",
        "--batch-size", "3");
    assertEquals(result.toString(), 0, result.exitCode());
    List<String> files = CliRun.files(one);
    assertEquals(20 + NOTES.length + 1, files.size()); // and the run manifest
    assertEquals(files, CliRun.files(four));
    for (String file : files) {
      assertArrayEquals(file, Files.readAllBytes(one.resolve(file)), Files.readAllBytes(four.resolve(file)));
    }
  }

  private static int mentionsWritten(CliRun.Result result) {
    for (String line : result.all().split("\n")) {
      if (line.startsWith("mentions ")) {
        return Integer.parseInt(line.substring("mentions ".length()).strip().replace(",", ""));
      }
    }
    throw new AssertionError("no mentions line in\n" + result);
  }

  @Test
  public void aHigherMinConfidenceRedoesTheNotesAndKeepsFewerMentions() throws Exception {
    Path in = notes(3);
    Path out = temp.getRoot().toPath().resolve("out");
    CliRun.Result all = CliRun.run("annotate", "--in", in.toString(), "--out", out.toString(), "--threads", "1");
    assertEquals(all.toString(), 0, all.exitCode());
    // Same folder, stricter threshold: the notes are annotated again, not skipped as done.
    CliRun.Result strict = CliRun.run("annotate", "--in", in.toString(), "--out", out.toString(), "--threads", "1",
        "--min-confidence", "0.999");
    assertEquals(strict.toString(), 0, strict.exitCode());
    assertTrue(strict.toString(), mentionsWritten(strict) < mentionsWritten(all));
    CliRun.Result bad = CliRun.run("annotate", "--in", in.toString(), "--out", out.toString(), "--min-confidence", "2");
    assertEquals(bad.toString(), 2, bad.exitCode());
    assertTrue(bad.toString(), bad.all().contains("'--min-confidence': 2.0 (must be from 0 to 1)"));
  }
}
