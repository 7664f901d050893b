package io.github.ctakesdtn.cli;

import static io.github.ctakesdtn.cli.BadInput.assertReports;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** evaluate under bad or mismatched input: never a silent score, always the document and the place. */
public class BadEvaluateInputTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();
  private BadInput files;

  /** A CoNLL corpus of {@code n} one-token sentences, each token a Disease mention. */
  private static String conll(int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append("w").append(i).append("\tB-Disease\n\n");
    }
    return out.toString();
  }

  @Before
  public void setUp() throws Exception {
    files = new BadInput(temp.getRoot().toPath());
    files.write("gold/corpus.tsv", conll(60));
    for (String side : new String[] {"gold", "pred"}) {
      assertReports(CliRun.run("convert", "--format", "conll", "--in", files.path("gold/corpus.tsv").toString(),
          "--out", files.path("xmi/" + side).toString()), 0);
    }
  }

  private CliRun.Result evaluate(String gold, String predicted, String... more) {
    String[] args = {"evaluate", "--gold", files.path(gold).toString(), "--pred", files.path(predicted).toString()};
    return CliRun.run(args, more);
  }

  @Test
  public void aPredictedCoNllFileCutShortIsNotAPerfectScore() throws Exception {
    files.write("pred/corpus.tsv", conll(45));
    CliRun.Result result = evaluate("gold/corpus.tsv", "pred/corpus.tsv");
    assertReports(result, 1, "document corpus-00003: the predicted text differs from the gold text from character",
        "gold 20 sentences", "predicted 5 sentences");
    assertFalse(result.toString(), result.out().contains("micro                       60      60 |  100.00"));
  }

  @Test
  public void aMissingPredictedDocumentIsCountedAsMissed() throws Exception {
    Files.delete(files.path("xmi/pred/corpus-00002.xmi"));
    CliRun.Result result = evaluate("xmi/gold", "xmi/pred");
    assertReports(result, 1, "no prediction for document corpus-00002 (20 sentences, 20 mentions)");
    assertReports(result, 1, "micro                       60      40");
  }

  @Test
  public void aPredictedDocumentNotInTheGoldIsReported() throws Exception {
    Files.copy(files.path("xmi/pred/corpus-00001.xmi"), files.path("xmi/pred/extra.xmi"));
    assertReports(evaluate("xmi/gold", "xmi/pred"), 1,
        "prediction for document extra, which is not in the gold corpus: not scored");
  }

  @Test
  public void aPredictedDocumentWithAnotherText() throws Exception {
    Path file = files.path("xmi/pred/corpus-00002.xmi");
    Files.writeString(file, Files.readString(file).replace("sofaString=\"w20", "sofaString=\"x20"));
    assertReports(evaluate("xmi/gold", "xmi/pred"), 1,
        "document corpus-00002: the predicted text differs from the gold text from character 0 (line 1)");
  }

  @Test
  public void aMissingGoldCorpus() throws Exception {
    assertReports(evaluate("nope", "xmi/pred"), 1, "nope: no such file or folder");
  }

  @Test
  public void anXmlFileThatIsNotACas() throws Exception {
    files.write("xmi/pred/config.xml", "<?xml version=\"1.0\"?>\n<!-- settings -->\n<config><a>1</a></config>\n");
    assertReports(evaluate("xmi/gold", "xmi/pred"), 1,
        "config.xml: not a CAS file: its root element is <config>, not <xmi:XMI> (XMI) or <CAS> (XCAS)");
  }

  @Test
  public void aTruncatedXmi() throws Exception {
    Path file = files.path("xmi/pred/corpus-00003.xmi");
    String xmi = Files.readString(file);
    Files.writeString(file, xmi.substring(0, xmi.length() / 2));
    assertReports(evaluate("xmi/gold", "xmi/pred"), 1, "corpus-00003.xmi: line ", ", column ",
        "no prediction for document corpus-00003");
  }

  @Test
  public void twoPredictedFilesForOneDocument() throws Exception {
    Files.copy(files.path("xmi/pred/corpus-00001.xmi"), files.path("xmi/pred/corpus-00001.xcas"));
    assertReports(evaluate("xmi/gold", "xmi/pred"), 1, "corpus-00001.xcas and ", "corpus-00001.xmi would both be"
        + " document 'corpus-00001'");
  }

  @Test
  public void predOutWithoutAModelIsAUsageError() throws Exception {
    assertReports(evaluate("xmi/gold", "xmi/pred", "--pred-out", files.path("p").toString()), 2,
        "--pred-out needs --model");
  }

  @Test
  public void aJsonPathThatIsAFolderIsRefusedBeforeScoring() throws Exception {
    Files.createDirectories(files.path("report"));
    CliRun.Result result = evaluate("xmi/gold", "xmi/pred", "--json", files.path("report").toString());
    assertReports(result, 1, "report: is a folder (--json takes a file name");
    assertFalse(result.toString(), result.out().contains("documents scored"));
  }

  @Test
  public void theJsonReportIsTheSameBytesEveryRun() throws Exception {
    Files.delete(files.path("xmi/pred/corpus-00002.xmi"));
    evaluate("xmi/gold", "xmi/pred", "--json", files.path("a.json").toString());
    evaluate("xmi/gold", "xmi/pred", "--json", files.path("b.json").toString());
    assertArrayEquals(Files.readAllBytes(files.path("a.json")), Files.readAllBytes(files.path("b.json")));
    assertEquals(-1, Files.readString(files.path("a.json")).indexOf("\"f1\": 1.0,\n    \"recall\""));
  }
}
