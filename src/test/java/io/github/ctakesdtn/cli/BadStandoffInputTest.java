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

  private static final String I2B2_TEXT = "Admission Date :\nThe patient had chest pain , treated with aspirin .\n";

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

  private void assertBadBrat(String text, String ann, String... fragments) throws Exception {
    files.write("in/bad.txt", text);
    files.write("in/bad.ann", ann);
    assertReports(convert("brat"), 1, fragments);
    assertReports(convert("brat"), 1, "documents written  1", "documents failed   1");
    files.assertOutputs("out", "good.xmi");
  }

  private void assertBadI2b2(String con, String... fragments) throws Exception {
    files.write("in/bad.txt", I2B2_TEXT);
    files.write("in/bad.con", con);
    assertReports(convert("i2b2"), 1, fragments);
    files.assertOutputs("out", "good.xmi");
  }

  @Test
  public void bratOffsetsPastTheText() throws Exception {
    assertBadBrat("Short.\n", "T1\tDisease 0 5\tShort\nT2\tDisease 3 70\tbeyond\n",
        "bad.ann: line 2: offset 70 is past the end of the text (7 characters)");
  }

  @Test
  public void bratOffsetsThatCoverOtherWordsThanTheTextColumn() throws Exception {
    assertBadBrat("Patients given cyclophosphamide.\n", "T2\tChemical 0 8\tcyclophosphamide\n",
        "bad.ann: line 1: offsets 0-8 cover 'Patients' but the text column says 'cyclophosphamide'");
  }

  @Test
  public void bratWithoutATextColumnAfterAnEmoji() throws Exception {
    assertBadBrat("Mood \uD83D\uDE00 then fever.\n", "T1\tSymptom 13 18\n", "bad.ann: line 1: no text column");
  }

  @Test
  public void bratATLineWithoutOffsets() throws Exception {
    assertBadBrat("Fever.\n", "T1\tDisease\tFever\n", "bad.ann: line 1: no character offsets after label 'Disease'");
  }

  @Test
  public void bratATLineWithOneField() throws Exception {
    assertBadBrat("Fever.\n", "\nT1\n", "bad.ann: line 2: a T line needs");
  }

  @Test
  public void bratOffsetsThatAreNotNumbers() throws Exception {
    assertBadBrat("Fever.\n", "T1\tDisease a b\tFever\n", "bad.ann: line 1: 'a b' is not a 'START END' offset pair");
  }

  @Test
  public void bratOffsetsTooLargeForAnInt() throws Exception {
    assertBadBrat("Fever.\n", "T1\tDisease 0 99999999999\tFever\n", "bad.ann: line 1: '0 99999999999' is not a");
  }

  @Test
  public void bratReversedOffsets() throws Exception {
    assertBadBrat("Fever.\n", "T1\tDisease 5 2\tFever\n", "bad.ann: line 1: empty or reversed offsets 5-2");
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
  public void bratAnEmptyText() throws Exception {
    assertBadBrat(" \n", "", "bad.txt: the file is empty");
  }

  @Test
  public void bratAnAnnWithoutItsText() throws Exception {
    files.write("in/orphan.ann", "T1\tSymptom 0 5\tFever\n");
    assertReports(convert("brat"), 1, "orphan.ann: no orphan.txt beside it, so its annotations were not read");
    files.assertOutputs("out", "good.xmi");
  }

  @Test
  public void bratATextWithoutItsAnn() throws Exception {
    files.write("in/lonely.txt", "Nothing here.\n");
    assertReports(convert("brat"), 1, "lonely.ann: missing (every NAME.txt needs a NAME.ann)");
    files.assertOutputs("out", "good.xmi");
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
  public void i2b2AnIndexTooLargeForAnInt() throws Exception {
    assertBadI2b2("c=\"chest pain\" 99999999999:2 1:3||t=\"problem\"\n",
        "bad.con: line 1: index 99999999999 is too large");
  }

  @Test
  public void i2b2ATokenOutsideItsLine() throws Exception {
    assertBadI2b2("c=\"x\" 1:7 1:7||t=\"test\"\n", "bad.con: line 1: token 7 is outside text line 1 (3 tokens)");
  }

  @Test
  public void i2b2ALineOutsideTheText() throws Exception {
    assertBadI2b2("\nc=\"x\" 9:0 9:0||t=\"test\"\n", "bad.con: line 2: line 9 is outside the text (3 lines)");
  }

  @Test
  public void i2b2AMalformedConceptLine() throws Exception {
    assertBadI2b2("c=\"chest pain\" 2:3-2:4 t=problem\n", "bad.con: line 1: expected c=\"TEXT\" LINE:TOKEN");
  }

  @Test
  public void i2b2AConceptEndingBeforeItStarts() throws Exception {
    assertBadI2b2("c=\"pain chest\" 2:4 2:3||t=\"problem\"\n", "bad.con: line 1: the concept ends before it starts");
  }

  @Test
  public void i2b2ATextWithoutItsCon() throws Exception {
    files.write("in/bad.txt", I2B2_TEXT);
    assertReports(convert("i2b2"), 1, "bad.con: missing (every NAME.txt needs a NAME.con)");
    files.assertOutputs("out", "good.xmi");
  }

  @Test
  public void i2b2AConWithoutItsText() throws Exception {
    files.write("in/orphan.con", "c=\"fever\" 1:0 1:0||t=\"problem\"\n");
    assertReports(convert("i2b2"), 1, "orphan.con: no orphan.txt beside it");
    files.assertOutputs("out", "good.xmi");
  }
}
