package io.github.ctakesdtn.cli;

import static io.github.ctakesdtn.cli.BadInput.assertReports;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** convert --format conll under bad input: each bad document named with file and line, the rest written. */
public class BadConllInputTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();
  private BadInput files;

  /** Three one-sentence documents; the middle one is {@code middle}. */
  static String corpus(String middle) {
    return "Fever\tB-Disease\nnoted\tO\n\n" + middle + "\n\nAspirin\tB-Chemical\n";
  }

  @Before
  public void setUp() {
    files = new BadInput(temp.getRoot().toPath());
  }

  private CliRun.Result convert(String in, String... more) {
    String[] args = {"convert", "--format", "conll", "--in", in, "--out", files.path("out").toString(),
        "--sentences-per-doc", "1"};
    return CliRun.run(args, more);
  }

  @Test
  public void aLabelOutsideTheSelectionIsCountedAndLeftOut() throws Exception {
    CliRun.Result result = convert(files.write("in/some.tsv", corpus("word\tB-Gene")), "--labels", "Disease,Chemical");
    assertReports(result, 0, "ignored (label not selected) 1: Gene 1");
    files.assertOutputs("out", "some-00001.xmi", "some-00002.xmi", "some-00003.xmi");
  }

  @Test
  public void aSelectedLabelThatNoMentionCarriesIsWarnedAbout() throws Exception {
    CliRun.Result result = convert(files.write("in/some.tsv", corpus("word\tO")), "--labels", "Disease,Chemcal");
    assertReports(result, 0, "warning: no mention carries the selected label(s) Chemcal",
        "ignored (label not selected) 1: Chemical 1");
  }

  @Test
  public void aMalformedLabelSelectionIsAUsageError() throws Exception {
    CliRun.Result result = convert(files.write("in/some.tsv", corpus("word\tO")), "--labels", "Disease,=Drug");
    assertReports(result, 2, "Invalid value for option '--labels': label selection '=Drug' is not LABEL or LABEL=NEWNAME");
  }

  @Test
  public void aFileThatIsNotUtf8AmongGoodOnes() throws Exception {
    files.write("in/a.tsv", "Fever\tB-Disease\n");
    files.write("in/latin1.tsv", "caf\u00e9\tO\n".getBytes(StandardCharsets.ISO_8859_1));
    assertReports(convert(files.path("in").toString()), 1, "latin1.tsv: byte 3 (line 1): not valid UTF-8");
    files.assertOutputs("out", "a-00001.xmi");
  }

  @Test
  public void anEmptyFileAmongGoodOnes() throws Exception {
    files.write("in/a.tsv", "Fever\tB-Disease\n");
    files.write("in/empty.tsv", "\n \n");
    assertReports(convert(files.path("in").toString()), 1, "empty.tsv: the file is empty");
    files.assertOutputs("out", "a-00001.xmi");
  }

  @Test
  public void loneCarriageReturnLineEndsAreReadAsLines() throws Exception {
    CliRun.Result result = convert(files.write("in/mac.tsv", corpus("Cough\tB-Disease").replace('\n', '\r')));
    assertReports(result, 0, "documents written  3", "mentions           3");
    files.assertOutputs("out", "mac-00001.xmi", "mac-00002.xmi", "mac-00003.xmi");
  }

  @Test
  public void sameNamedFilesInSubfoldersAreWrittenApart() throws Exception {
    files.write("in/sub1/train.tsv", "Fever\tB-Disease\n");
    files.write("in/sub2/train.tsv", "Cough\tB-Disease\n");
    assertReports(convert(files.path("in").toString()), 0, "documents written  2");
    files.assertOutputs("out", "sub1/train-00001.xmi", "sub2/train-00001.xmi");
  }

  @Test
  public void filesThatWouldShareAnOutputNameAreRefusedBeforeAnyWork() throws Exception {
    files.write("in/train.tsv", "Fever\tB-Disease\n");
    files.write("in/train.conll", "Cough\tB-Disease\n");
    assertReports(convert(files.path("in").toString()), 1, "train.conll and ", "train.tsv would both be document"
        + " 'train'", "nothing was done");
    files.assertOutputs("out");
  }

  @Test
  public void aMissingInput() throws Exception {
    assertReports(convert(files.path("nope.tsv").toString()), 1, "nope.tsv: no such file or folder (--in)");
    assertFalse(Files.exists(files.path("out").resolve("nope-00001.xmi")));
  }

  @Test
  public void anOutputThatIsAFile() throws Exception {
    String in = files.write("in/a.tsv", "Fever\tB-Disease\n");
    files.write("out", "not a folder");
    assertReports(convert(in), 1, "out: not a folder (--out takes a folder)");
  }

  @Test
  public void anOutputBelowAFile() throws Exception {
    String in = files.write("in/a.tsv", "Fever\tB-Disease\n");
    files.write("blocker", "a file");
    CliRun.Result result = CliRun.run("convert", "--format", "conll", "--in", in, "--out",
        files.path("blocker/out").toString());
    assertReports(result, 1, "blocker/out: cannot write there (--out)");
  }

  @Test
  public void staleTemporariesOfAKilledRunAreRemoved() throws Exception {
    String in = files.write("in/a.tsv", "Fever\tB-Disease\n");
    files.write("out/sub/.a-00001.xmi8731873.tmp", "<half");
    files.write("out/keep.tmp", "a user's file, not ours");
    assertReports(convert(in), 0, "stale temporaries  1 removed");
    files.assertOutputs("out", "a-00001.xmi", "keep.tmp");
  }

  @Test
  public void zeroSentencesPerDocumentIsAUsageError() throws Exception {
    String in = files.write("in/a.tsv", "Fever\tB-Disease\n");
    assertReports(CliRun.run("convert", "--format", "conll", "--in", in, "--out", files.path("out").toString(),
        "--sentences-per-doc", "0"), 2, "--sentences-per-doc", "must be at least 1");
  }

  @Test
  public void aSampleFractionOutsideZeroToOneIsAUsageError() throws Exception {
    String in = files.write("in/a.tsv", "Fever\tB-Disease\n");
    for (String fraction : new String[] {"0", "1.5", "-0.1"}) {
      assertReports(convert(in, "--sample", fraction), 2, "--sample", fraction);
    }
    files.assertOutputs("out");
  }

  @Test
  public void anUnknownFormatIsAUsageError() throws Exception {
    assertReports(CliRun.run("convert", "--format", "nope", "--in", "x", "--out", "y"), 2, "--format", "nope");
  }

  @Test
  public void aByteOrderMarkIsNotPartOfTheFirstToken() throws Exception {
    CliRun.Result result = convert(files.write("in/bom.tsv", "\uFEFFFever\tB-Disease\n"));
    assertReports(result, 0, "documents written  1");
    assertTrue(Files.readString(files.path("out/bom-00001.xmi")).contains("sofaString=\"Fever\""));
  }
}
