package io.github.ctakesdtn.cli;

import static io.github.ctakesdtn.cli.BadInput.assertReports;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * convert --format brat and i2b2 under bad input: each bad pair named with its file and line,
 * the good pair beside it written.
 */
public class BadStandoffInputTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();
  private BadInput files;

  static final String I2B2_TEXT = "Admission Date :\nThe patient had chest pain , treated with aspirin .\n";

  @Before
  public void setUp() throws Exception {
    files = new BadInput(temp.getRoot().toPath());
    files.write("in/good.txt", "Fever today.\n");
    files.write("in/good.ann", "T1\tSymptom 0 5\tFever\n");
    files.write("in/good.con", "c=\"fever\" 1:0 1:0||t=\"problem\"\n");
  }

  private CliRun.Result convert(String format) {
    return CliRun.run("convert", "--format", format, "--in", files.path("in").toString(), "--out",
        files.path("out").toString());
  }

  /** One more file beside the good pair makes one failure, named by {@code problem}; the good pair is written. */
  private void assertAnotherFileFails(String format, String relative, String content, String problem)
      throws Exception {
    files.write(relative, content);
    assertReports(convert(format), 1, problem, "documents failed   1");
    files.assertOutputs("out", "good.xmi");
  }

  @Test
  public void bratTextThatIsNotUtf8() throws Exception {
    files.write("in/bad.txt", "Caf\u00e9 au lait.\n".getBytes(StandardCharsets.ISO_8859_1));
    files.write("in/bad.ann", "");
    assertReports(convert("brat"), 1, "bad.txt: byte 3 (line 1): not valid UTF-8");
    files.assertOutputs("out", "good.xmi");
  }

  @Test
  public void bratAnnotationsThatAreNotUtf8() throws Exception {
    files.write("in/bad.txt", "Cafe au lait.\n");
    files.write("in/bad.ann", "T1\tThing 0 4\tCafe\nT2\tThing 5 7\t\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertReports(convert("brat"), 1, "bad.ann: byte 31 (line 2): not valid UTF-8");
    files.assertOutputs("out", "good.xmi");
  }

  @Test
  public void bratAnAnnWithoutItsText() throws Exception {
    assertAnotherFileFails("brat", "in/orphan.ann", "T1\tSymptom 0 5\tFever\n",
        "orphan.ann: no orphan.txt beside it, so its annotations were not read");
  }

  @Test
  public void bratATextWithoutItsAnn() throws Exception {
    assertAnotherFileFails("brat", "in/lonely.txt", "Nothing here.\n",
        "lonely.ann: missing (every NAME.txt needs a NAME.ann)");
  }

  @Test
  public void bratInputThatIsAFile() throws Exception {
    assertReports(CliRun.run("convert", "--format", "brat", "--in", files.path("in/good.txt").toString(), "--out",
        files.path("out").toString()), 1, "good.txt: BRAT input must be a folder of NAME.txt + NAME.ann pairs");
    files.assertOutputs("out");
  }

  @Test
  public void bratSameNamedDocumentsInSubfoldersAreWrittenApart() throws Exception {
    files.write("in/s1/doc.txt", "Fever today.\n");
    files.write("in/s1/doc.ann", "T1\tSymptom 0 5\tFever\n");
    files.write("in/s2/doc.txt", "Cough today.\n");
    files.write("in/s2/doc.ann", "T1\tSymptom 0 5\tCough\n");
    assertReports(convert("brat"), 0, "documents written  3");
    files.assertOutputs("out", "good.xmi", "s1/doc.xmi", "s2/doc.xmi");
  }

  @Test
  public void bratCodePointOffsetsConfirmedByTheTextColumnAreConverted() throws Exception {
    files.write("in/emoji.txt", "Mood \uD83D\uDE00 then lupus nephritis.\n");
    files.write("in/emoji.ann", "T1\tDisease 12 27\tlupus nephritis\n");
    assertReports(convert("brat"), 0, "converted: code-point offsets (brat's counting) to UTF-16");
    assertTrue(Files.readString(files.path("out/emoji.xmi")).contains("begin=\"13\" end=\"28\""));
  }

  @Test
  public void bratFormFeedsBecomeSpacesAndAreCounted() throws Exception {
    files.write("in/ff.txt", "Fever.\fCough.\n");
    files.write("in/ff.ann", "T1\tSymptom 7 12\tCough\n");
    assertReports(convert("brat"), 0, "replaced: characters XML 1.0 forbids (by spaces, offsets kept) 1");
    files.assertOutputs("out", "ff.xmi", "good.xmi");
  }

  @Test
  public void i2b2ATextWithoutItsCon() throws Exception {
    assertAnotherFileFails("i2b2", "in/bad.txt", I2B2_TEXT, "bad.con: missing (every NAME.txt needs a NAME.con)");
  }

  @Test
  public void i2b2AConWithoutItsText() throws Exception {
    assertAnotherFileFails("i2b2", "in/orphan.con", "c=\"fever\" 1:0 1:0||t=\"problem\"\n",
        "orphan.con: no orphan.txt beside it");
  }
}
