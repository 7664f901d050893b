package io.github.ctakesdtn;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Tagging needs no native library: the uimaFIT pipeline and the annotate and tag commands run on
 * a classpath without ND4J, DL4J, JavaCPP or OpenBLAS, and the bundled model finds in the sample
 * notes exactly the mentions recorded when it was bundled ({@code default-model-sample-mentions.tsv}).
 */
public class NoNativeLibraryIT {
  private static final Pattern LEFT_OUT = Pattern.compile("^(nd4j|deeplearning4j|javacpp|openblas).*\\.jar$");
  private static final Path NOTES = Path.of("resources/samples/notes").toAbsolutePath();

  @Rule public TemporaryFolder temp = new TemporaryFolder();

  /** target/classes, target/test-classes and the runtime jars of target/lib, less ND4J, DL4J and natives. */
  private static String classpathWithoutNatives() throws IOException {
    List<String> entries = new ArrayList<>(List.of(Path.of("target/classes").toAbsolutePath().toString(),
        Path.of("target/test-classes").toAbsolutePath().toString()));
    int leftOut = 0;
    try (Stream<Path> jars = Files.list(Path.of("target/lib"))) {
      for (Path jar : jars.sorted().toList()) {
        if (LEFT_OUT.matcher(jar.getFileName().toString()).matches()) {
          leftOut++;
        } else {
          entries.add(jar.toAbsolutePath().toString());
        }
      }
    }
    assertTrue("the runtime jars should include ND4J and its natives, to leave out", leftOut >= 8);
    return String.join(File.pathSeparator, entries);
  }

  private static List<String[]> expectedMentions() throws IOException {
    try (InputStream in = NoNativeLibraryIT.class.getResourceAsStream("default-model-sample-mentions.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.startsWith("#")).map(line -> line.split("\t")).toList();
    }
  }

  @Test
  public void theUimaFitPipelineFindsTheRecordedMentions() throws Exception {
    Cli.Result result = Cli.runClass(temp.getRoot().toPath(), classpathWithoutNatives(),
        "io.github.ctakesdtn.uima.SampleMentions", NOTES.toString());
    assertEquals(result.toString(), 0, result.exitCode());
    List<String[]> expected = expectedMentions();
    List<String[]> actual = result.out().lines().map(line -> line.split("\t")).toList();
    assertEquals(result.toString(), expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      String[] e = expected.get(i);
      String[] a = actual.get(i);
      assertEquals(String.join(" ", e), List.of(e).subList(0, 4), List.of(a).subList(0, 4));
      assertEquals(String.join(" ", e), Double.parseDouble(e[4]), Double.parseDouble(a[4]), 1e-5);
    }
    assertFalse(result.err(), result.err().contains("javacpp") || result.err().contains("nd4j"));
  }

  @Test
  public void annotateAndTagRunWithoutThem() throws Exception {
    Path work = temp.getRoot().toPath();
    String classpath = classpathWithoutNatives();
    Cli.Result annotate = Cli.runClass(work, classpath, "io.github.ctakesdtn.cli.Main", "annotate", "--in",
        NOTES.toString(), "--out", work.resolve("xmi").toString());
    assertEquals(annotate.toString(), 0, annotate.exitCode());
    assertTrue(annotate.out(), annotate.out().contains("mentions           38"));
    Cli.Result tag = Cli.runClass(work, classpath, "io.github.ctakesdtn.cli.Main", "tag", "--model",
        Path.of("resources/io/github/ctakesdtn/models/default.model").toAbsolutePath().toString(), "--in",
        work.resolve("xmi").toString(), "--out", work.resolve("tagged").toString());
    assertEquals(tag.toString(), 0, tag.exitCode());
    assertEquals(3, Files.list(work.resolve("tagged")).count());
  }
}
