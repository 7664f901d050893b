package io.github.ctakesdtn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.ctakesdtn.cli.AnnotateCommandTest;
import io.github.ctakesdtn.cli.Logging;
import io.github.ctakesdtn.corpus.MentionLabels;
import io.github.ctakesdtn.spark.SparkAnnotate;
import io.github.ctakesdtn.uima.ModelRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.ctakes.typesystem.type.constants.CONST;
import org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.uima.fit.factory.JCasFactory;
import org.apache.uima.fit.util.JCasUtil;
import org.apache.uima.jcas.JCas;
import org.apache.uima.util.CasIOUtils;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The Spark job in {@code local[2]} (two executor threads, one pipeline each, one model in the
 * JVM) against the {@code annotate} command on the same notes, which the test writes: the same
 * mentions (types, offsets, labels, confidences) and the same XMI, a note that is not UTF-8 in the
 * failures table while the others are annotated, and a rerun that annotates only the new note.
 */
public class SparkAnnotateIT {
  private static final String[] SENTENCES = AnnotateCommandTest.NOTES;

  private static SparkSession spark;

  @Rule public TemporaryFolder temp = new TemporaryFolder();

  @BeforeClass
  public static void startSpark() {
    Logging.quiet(); // the project's log configuration (warnings only), as the job's main sets it
    spark = SparkSession.builder().master("local[2]").appName("SparkAnnotateIT")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
  }

  @AfterClass
  public static void stopSpark() {
    spark.stop();
  }

  /**
   * Notes of varied length, some in a subfolder, CAS notes (tokenized, with gold mentions, as
   * convert writes them), one that is not UTF-8, and a file that is no note.
   */
  private static Path writeNotes(Path work, Path in) throws Exception {
    for (int n = 0; n < 7; n++) {
      StringBuilder note = new StringBuilder();
      for (int i = 0; i <= n % 4 * 2; i++) {
        note.append(SENTENCES[(n + i) % SENTENCES.length]).append(i % 2 == 0 ? " " : "\n");
      }
      Path file = in.resolve(n % 3 == 0 ? "clinic/note" + n + ".txt" : "note" + n + ".txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, note + "\n", StandardCharsets.UTF_8);
    }
    byte[] latin1 = "Fever and cough; started on amoxicillin. Caf\u00e9 visit.\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(in.resolve("bad.txt"), latin1);
    Files.writeString(in.resolve("note1.ann"), "T1\tDisease 0 5\tFever\n");
    StringBuilder conll = new StringBuilder();
    for (String sentence : SENTENCES) {
      for (String word : sentence.split(" ")) {
        conll.append(word).append(word.matches("(?i)aspirin|ibuprofen|asthma") ? "\tB-Gold\n" : "\tO\n");
      }
      conll.append('\n');
    }
    Files.writeString(work.resolve("corpus.tsv"), conll.toString());
    Cli.ok(work, "convert", "--format", "conll", "--in", work.resolve("corpus.tsv").toString(), "--out",
        in.resolve("cas").toString(), "--sentences-per-doc", "2");
    return in;
  }

  @Test
  public void sameMentionsAsAnnotateFailuresReportedAndRerunSkipsDoneNotes() throws Exception {
    Path work = temp.getRoot().toPath();
    Path in = writeNotes(work, Files.createDirectories(work.resolve("in")));
    Path cliOut = work.resolve("cli");
    Path sparkOut = work.resolve("spark");

    Cli.Result annotate = Cli.run(work, "annotate", "--in", in.toString(), "--out", cliOut.toString(),
        "--threads", "2");
    assertEquals(annotate.toString(), 1, annotate.exitCode()); // the bad note
    List<String> expected = mentionsOfXmi(cliOut);
    assertTrue("the notes name drugs and diseases: " + expected, expected.size() > 20);

    assertEquals(1, SparkAnnotate.run(spark, "--in", in.toString(), "--out", sparkOut.toString(),
        "--partitions", "3"));
    assertEquals(expected, mentionsTable(sparkOut));
    for (Path xmi : xmiFiles(cliOut)) {
      assertArrayEquals(xmi.toString(), Files.readAllBytes(xmi),
          Files.readAllBytes(sparkOut.resolve("xmi").resolve(cliOut.relativize(xmi))));
    }
    int good = xmiFiles(cliOut).size();
    assertEquals("7 text notes and 3 CAS notes", 10, good);
    assertEquals(good, xmiFiles(sparkOut.resolve("xmi")).size());

    List<Row> modelIds = spark.read().parquet(sparkOut.resolve("mentions").toString())
        .select("model_id").distinct().collectAsList();
    assertEquals(List.of(ModelRegistry.sha256(ModelRegistry.DEFAULT_MODEL)),
        modelIds.stream().map(r -> r.getString(0)).toList());

    List<Row> failures = spark.read().parquet(sparkOut.resolve("failures").toString()).collectAsList();
    assertEquals(failures.toString(), 1, failures.size());
    assertEquals("bad", failures.get(0).getAs("note_id"));
    String reason = failures.get(0).getAs("reason");
    assertTrue(reason, reason.contains("bad.txt") && reason.contains("not valid UTF-8") && reason.contains("byte"));

    JsonObject summary = summary(sparkOut);
    assertEquals(good, summary.get("notesAnnotated").getAsInt());
    assertEquals(0, summary.get("notesAlreadyDone").getAsInt());
    assertEquals(1, summary.get("notesFailed").getAsInt());
    assertEquals(1, summary.get("filesIgnored").getAsInt());
    assertEquals(expected.size(), summary.get("mentions").getAsInt());
    assertTrue(summary.get("tokens").getAsLong() > 100);

    // Rerun after a new note arrived: the done notes are not annotated again (their XMI untouched),
    // the new one is, and the tables cover every note, as annotate's XMI folder does after its own rerun.
    Path done = sparkOut.resolve("xmi/note2.xmi");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(done, old);
    Files.writeString(in.resolve("clinic/new.txt"), SENTENCES[3] + "\n" + SENTENCES[0] + "\n");
    Cli.Result again = Cli.run(work, "annotate", "--in", in.toString(), "--out", cliOut.toString());
    assertTrue(again.toString(), again.out().contains("notes annotated    1"));
    assertEquals(1, SparkAnnotate.run(spark, "--in", in.toString(), "--out", sparkOut.toString()));
    assertEquals(old, Files.getLastModifiedTime(done));
    List<String> expectedAfter = mentionsOfXmi(cliOut);
    assertTrue(expectedAfter.size() > expected.size());
    assertEquals(expectedAfter, mentionsTable(sparkOut));
    JsonObject rerun = summary(sparkOut);
    assertEquals(1, rerun.get("notesAnnotated").getAsInt());
    assertEquals(good, rerun.get("notesAlreadyDone").getAsInt());
    assertEquals(1, rerun.get("notesFailed").getAsInt());
    assertFalse("no staging or temporary files left", listAll(sparkOut).stream()
        .anyMatch(p -> p.getFileName().toString().startsWith("staging-") || p.toString().endsWith(".tmp")));
  }

  /** Each tagger mention of an XMI folder as "note, begin, end, type, label, confidence, text", sorted. */
  private static List<String> mentionsOfXmi(Path folder) throws Exception {
    List<String> rows = new ArrayList<>();
    JCas jcas = JCasFactory.createJCas();
    for (Path xmi : xmiFiles(folder)) {
      jcas.reset();
      try (var stream = Files.newInputStream(xmi)) {
        CasIOUtils.load(stream, jcas.getCas());
      }
      String id = folder.relativize(xmi).toString().replaceAll("\\.xmi$", "");
      for (IdentifiedAnnotation m : JCasUtil.select(jcas, IdentifiedAnnotation.class)) {
        if (m.getDiscoveryTechnique() == CONST.NE_DISCOVERY_TECH_EXPLICIT_AE) {
          rows.add(row(id, m.getBegin(), m.getEnd(), m.getType().getShortName(), MentionLabels.labelOf(m),
              m.getConfidence(), m.getCoveredText()));
        }
      }
    }
    return rows.stream().sorted().toList();
  }

  private static List<String> mentionsTable(Path out) {
    return spark.read().parquet(out.resolve("mentions").toString()).collectAsList().stream()
        .map(r -> row(r.getAs("note_id"), r.getAs("begin"), r.getAs("end"), r.getAs("ctakes_type"), r.getAs("label"),
            r.getAs("confidence"), r.getAs("covered_text")))
        .sorted().toList();
  }

  private static String row(String id, int begin, int end, String type, String label, float confidence, String text) {
    // The exact float bits, so "equal" means equal confidences, not equal to some decimals.
    return String.join("\t", id, String.valueOf(begin), String.valueOf(end), type, label,
        Integer.toHexString(Float.floatToIntBits(confidence)), text);
  }

  private static JsonObject summary(Path out) throws Exception {
    return JsonParser.parseString(Files.readString(out.resolve("summary.json"))).getAsJsonObject();
  }

  private static List<Path> xmiFiles(Path folder) throws Exception {
    return listAll(folder).stream().filter(p -> p.toString().endsWith(".xmi")).sorted().toList();
  }

  private static List<Path> listAll(Path folder) throws Exception {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
