package io.github.ctakesdtn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * annotate killed with SIGKILL part way through, then run again: nothing is lost or half
 * written, the temporaries of the killed run are removed, and the result is byte for byte the
 * output of a run that was never interrupted.
 */
public class AnnotateCrashIT {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private static final String[] SENTENCES = {
      "The patient was started on aspirin and metformin for type 2 diabetes.",
      "No signs of pneumonia; hypertension is controlled with lisinopril.",
      "Aspirin was stopped because of bleeding and acute renal failure.",
      "She reports headache and nausea after taking ibuprofen."};

  private Path dir() {
    return temp.getRoot().toPath();
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }

  /** XMI files in the (flat) output folder; File.list, unlike Files.walk, copes with files renamed meanwhile. */
  private static long xmiCount(Path dir) {
    String[] names = dir.toFile().list();
    return names == null ? 0 : Arrays.stream(names).filter(name -> name.endsWith(".xmi")).count();
  }

  /** Starts annotate into {@code out} and kills it (SIGKILL) once {@code after} notes are written. */
  private void killDuring(String out, long after) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Cli.jar().toAbsolutePath().toString(), "annotate", "--in", "notes", "--out", out, "--threads", "2"));
    Process process = new ProcessBuilder(command).directory(dir().toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (process.isAlive() && xmiCount(dir().resolve(out)) < after && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    process.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
    process.waitFor();
  }

  @Test
  public void aRunKilledAtAnyPointResumesToTheBytesOfAnUninterruptedRun() throws Exception {
    for (int n = 0; n < 24; n++) {
      StringBuilder note = new StringBuilder();
      for (int i = 0; i <= n % 6; i++) {
        note.append(SENTENCES[(n + i) % SENTENCES.length]).append('\n');
      }
      Files.createDirectories(dir().resolve("notes"));
      Files.writeString(dir().resolve("notes/note" + n + ".txt"), note.toString());
    }
    Cli.ok(dir(), "annotate", "--in", "notes", "--out", "whole", "--threads", "2");
    List<Path> expected = files(dir().resolve("whole"));
    assertEquals(25, expected.size()); // 24 XMI and the run manifest

    int interrupted = 0;
    for (long after : new long[] {1, 9, 20}) {
      String out = "killed" + after;
      killDuring(out, after);
      interrupted += xmiCount(dir().resolve(out)) < 24 ? 1 : 0;
      killDuring(out, after + 2); // killed again during the resumed run
      Cli.Result resumed = Cli.ok(dir(), "annotate", "--in", "notes", "--out", out, "--threads", "2");
      assertTrue(resumed.toString(), resumed.out().contains("notes failed       0"));
      assertEquals(out, expected, files(dir().resolve(out)));
      for (Path file : expected) {
        assertArrayEquals(out + "/" + file, Files.readAllBytes(dir().resolve("whole").resolve(file)),
            Files.readAllBytes(dir().resolve(out).resolve(file)));
      }
      assertFalse(files(dir().resolve(out)).stream().anyMatch(f -> f.toString().endsWith(".tmp")));
    }
    assertTrue("no kill landed before the end of a run", interrupted > 0);
  }
}
