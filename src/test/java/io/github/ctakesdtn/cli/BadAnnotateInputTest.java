package io.github.ctakesdtn.cli;

import static io.github.ctakesdtn.cli.BadInput.assertReports;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** annotate (bundled model) under bad input and bad options: each bad note named, the good ones written. */
public class BadAnnotateInputTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();
  private BadInput files;

  private static final String NOTE = "The patient takes aspirin for hypertension.\n";

  @Before
  public void setUp() throws Exception {
    files = new BadInput(temp.getRoot().toPath());
    files.write("in/good.txt", NOTE);
  }

  private CliRun.Result annotate(String... more) {
    String[] args = {"annotate", "--in", files.path("in").toString(), "--out", files.path("out").toString()};
    return CliRun.run(args, more);
  }

  /** The output folder holds these files and the run manifest, nothing else. */
  private void assertAnnotated(String... outputs) {
    String[] all = java.util.Arrays.copyOf(outputs, outputs.length + 1);
    all[outputs.length] = RunManifest.FILE;
    files.assertOutputs("out", all);
  }

  private void assertUsageError(String option, String value) {
    assertReports(annotate(option, value), 2, "Invalid value for option '" + option + "': " + value,
        "must be at least 1");
    assertFalse(Files.exists(files.path("out")));
  }

  @Test
  public void aBatchSizeOfZero() {
    assertUsageError("--batch-size", "0");
  }

  @Test
  public void zeroThreads() {
    assertUsageError("--threads", "0");
  }

  @Test
  public void negativeThreads() {
    assertUsageError("--threads", "-1");
  }

  @Test
  public void aThousandThreadsForOneNoteUseOne() {
    assertReports(annotate("--threads", "1000"), 0, "threads            1 (of 1000 asked");
    assertAnnotated("good.xmi");
  }

  @Test
  public void outputEqualToInputIsRefusedAndTheNotesAreUntouched() throws Exception {
    byte[] withBom = ("\uFEFF" + NOTE).getBytes(StandardCharsets.UTF_8);
    files.write("in/good.txt", withBom);
    for (String out : new String[] {files.path("in").toString(), files.path("in/.").toString()}) {
      assertReports(CliRun.run("annotate", "--in", files.path("in").toString(), "--out", out, "--export", "brat"), 1,
          "--out is the --in folder");
    }
    files.assertOutputs("in", "good.txt");
    assertArrayEquals(withBom, Files.readAllBytes(files.path("in/good.txt")));
  }

  @Test
  public void aMissingInput() {
    assertReports(CliRun.run("annotate", "--in", files.path("nope").toString(), "--out", files.path("out").toString()),
        1, "nope: no such file or folder (--in)");
  }

  @Test
  public void anInputThatIsAFile() {
    assertReports(CliRun.run("annotate", "--in", files.path("in/good.txt").toString(), "--out",
        files.path("out").toString()), 1, "good.txt: not a folder (--in takes a folder)");
  }

  @Test
  public void anOutputThatIsAFile() throws Exception {
    files.write("out", "a file");
    assertReports(annotate(), 1, "out: not a folder (--out takes a folder)");
  }

  @Test
  public void aTextAndACasNoteWithTheSameNameAreRefusedBeforeAnyWork() throws Exception {
    files.write("in/good.xmi", "<?xml version=\"1.0\"?><xmi:XMI xmlns:xmi=\"http://www.omg.org/XMI\"/>");
    assertReports(annotate(), 1, "good.txt and ", "good.xmi would both be document 'good'", "nothing was done");
    files.assertOutputs("out");
  }

  /** A bad note beside the good one: named with its place, counted, and the good note written. */
  private void assertBadNote(String name, byte[] content, String problem) throws Exception {
    files.write("in/" + name, content);
    assertReports(annotate(), 1, problem, "notes failed       1");
    assertAnnotated("good.xmi");
  }

  @Test
  public void aNoteThatIsNotUtf8() throws Exception {
    assertBadNote("latin1.txt", "Caf\u00e9 au lait spots.\n".getBytes(StandardCharsets.ISO_8859_1),
        "latin1.txt: byte 3 (line 1): not valid UTF-8");
  }

  @Test
  public void anXmlFileThatIsNotACas() throws Exception {
    assertBadNote("config.xml", "<?xml version=\"1.0\"?>\n<config><threads>4</threads></config>\n"
        .getBytes(StandardCharsets.UTF_8), "config.xml: not a CAS file: its root element is <config>");
  }

  @Test
  public void aTruncatedXmiNote() throws Exception {
    assertBadNote("broken.xmi", "<?xml version=\"1.0\"?>\n<xmi:XMI xmlns:xmi=\"http://www.omg.org/XMI\""
        .getBytes(StandardCharsets.UTF_8), "broken.xmi: line 2, column ");
  }

  @Test
  public void formFeedsAndOtherControlsBecomeSpacesAndAreCounted() throws Exception {
    files.write("in/ff.txt", "Page one.\f\u0007Aspirin given.\n");
    assertReports(annotate(), 0, "characters replaced 2 in 1 notes");
    assertAnnotated("ff.xmi", "good.xmi");
    assertTrue(Files.readString(files.path("out/ff.xmi")).contains("sofaString=\"Page one.  Aspirin given."));
  }

  @Test
  public void anOutputInsideTheInputIsNotReadBackOnTheNextRun() throws Exception {
    String in = files.path("in").toString();
    String out = files.path("in/out").toString();
    assertReports(CliRun.run("annotate", "--in", in, "--out", out), 0, "notes annotated    1");
    assertReports(CliRun.run("annotate", "--in", in, "--out", out), 0, "notes already done 1",
        "files under --out  2");
    files.assertOutputs("in", "good.txt", "out/good.xmi", "out/" + RunManifest.FILE);
  }

  @Test
  public void staleTemporariesOfAKilledRunAreRemoved() throws Exception {
    files.write("out/.good.xmi123456789.tmp", "<?xml half");
    assertReports(annotate(), 0, "stale temporaries  1 removed");
    assertAnnotated("good.xmi");
  }

  @Test
  public void annotatingAnnotatedXmiAgainDoesNotDuplicateMentions() throws Exception {
    assertReports(annotate(), 0);
    String first = Files.readString(files.path("out/good.xmi"));
    assertReports(CliRun.run("annotate", "--in", files.path("out").toString(), "--out",
        files.path("again").toString()), 0);
    String again = Files.readString(files.path("again/good.xmi"));
    assertTrue(first, mentions(first) > 0);
    assertEquals(mentions(first), mentions(again));
  }

  @Test
  public void aNoteWhoseExportIsMissingIsRedone() throws Exception {
    assertReports(annotate("--export", "brat"), 0, "notes annotated    1");
    Files.delete(files.path("out/good.ann"));
    assertReports(annotate("--export", "brat"), 0, "notes annotated    1");
    assertAnnotated("good.ann", "good.txt", "good.xmi");
    assertReports(annotate("--export", "brat"), 0, "notes already done 1");
  }

  @Test
  public void aRerunWithAnotherModelAnnotatesEveryNoteAgainEvenAfterAKill() throws Exception {
    assertReports(annotate(), 0, "notes annotated    1");
    Path manifest = files.path("out/" + RunManifest.FILE);
    String recorded = Files.readString(manifest);
    assertTrue(recorded, recorded.contains("\"modelSha256\": \"") && recorded.contains("\"redoAll\": false"));
    Files.writeString(manifest, recorded.replaceFirst("\"modelSha256\": \"[0-9a-f]+\"", "\"modelSha256\": \"00\""));
    assertReports(annotate(), 0, "notes annotated    1", "model changed");
    // As a run killed during such a redo leaves it: the same model, the redo unfinished.
    Files.writeString(manifest, recorded.replace("\"redoAll\": false", "\"redoAll\": true"));
    assertReports(annotate(), 0, "notes annotated    1");
    assertReports(annotate(), 0, "notes already done 1");
    assertEquals(recorded, Files.readString(manifest));
  }

  private static long mentions(String xmi) {
    return List.of(xmi.split("<textsem:")).size() - 1;
  }
}
