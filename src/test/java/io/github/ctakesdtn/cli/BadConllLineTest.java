package io.github.ctakesdtn.cli;

import static io.github.ctakesdtn.cli.BadInput.assertReports;

import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * convert --format conll of a file whose middle document holds one bad line: that document is
 * reported with file, line (and column where it helps) and skipped; the two around it are written.
 */
@RunWith(Parameterized.class)
public class BadConllLineTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  @Parameters(name = "{0}")
  public static List<Object[]> cases() {
    return List.of(
        new Object[] {"one column", "lonely", "expected a token column and a tag column"},
        new Object[] {"unknown tag prefix", "word\tQ-Disease", "'Q-Disease' has an unknown prefix"},
        new Object[] {"tag without a label", "word\tB-", "'B-' is not a tag"},
        new Object[] {"NUL byte in a token", "wo\u0000rd\tO", "column 3: character U+0000 cannot be stored in XMI"},
        new Object[] {"form feed in a token", "\fword\tO", "column 1: character U+000C"},
        new Object[] {"empty token column", "\tO", "the token column is empty"});
  }

  private final String line;
  private final String problem;

  public BadConllLineTest(String name, String line, String problem) {
    this.line = line;
    this.problem = problem;
  }

  @Test
  public void theBadDocumentIsReportedAndTheOthersWritten() throws Exception {
    BadInput files = new BadInput(temp.getRoot().toPath());
    CliRun.Result result = CliRun.run("convert", "--format", "conll", "--in",
        files.write("in/bad.tsv", BadConllInputTest.corpus(line)), "--out", files.path("out").toString(),
        "--sentences-per-doc", "1");
    assertReports(result, 1, "bad.tsv: line 4: " + problem, "documents written  2", "documents failed   1");
    files.assertOutputs("out", "bad-00001.xmi", "bad-00003.xmi");
  }
}
