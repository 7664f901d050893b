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
 * convert --format brat / i2b2 of a folder holding a good pair and a bad one: the bad pair is
 * reported with its file and line and skipped, the good one written.
 */
@RunWith(Parameterized.class)
public class BadStandoffPairTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private static final String I2B2 = BadStandoffInputTest.I2B2_TEXT;

  @Parameters(name = "{0}: {4}")
  public static List<Object[]> cases() {
    return List.of(
        new Object[] {"brat", "Short.\n", ".ann", "T1\tDisease 0 5\tShort\nT2\tDisease 3 70\tbeyond\n",
            "bad.ann: line 2: offset 70 is past the end of the text (7 characters)"},
        new Object[] {"brat", "Patients given cyclophosphamide.\n", ".ann", "T2\tChemical 0 8\tcyclophosphamide\n",
            "bad.ann: line 1: offsets 0-8 cover 'Patients' but the text column says 'cyclophosphamide'"},
        new Object[] {"brat", "Mood \uD83D\uDE00 then fever.\n", ".ann", "T1\tSymptom 13 18\n",
            "bad.ann: line 1: no text column"},
        new Object[] {"brat", "Fever.\n", ".ann", "T1\tDisease\tFever\n",
            "bad.ann: line 1: no character offsets after label 'Disease'"},
        new Object[] {"brat", "Fever.\n", ".ann", "\nT1\n", "bad.ann: line 2: a T line needs"},
        new Object[] {"brat", "Fever.\n", ".ann", "T1\tDisease a b\tFever\n",
            "bad.ann: line 1: 'a b' is not a 'START END' offset pair"},
        new Object[] {"brat", "Fever.\n", ".ann", "T1\tDisease 0 99999999999\tFever\n",
            "bad.ann: line 1: '0 99999999999' is not a"},
        new Object[] {"brat", "Fever.\n", ".ann", "T1\tDisease 5 2\tFever\n",
            "bad.ann: line 1: empty or reversed offsets 5-2"},
        new Object[] {"brat", " \n", ".ann", "", "bad.txt: the file is empty"},
        new Object[] {"i2b2", I2B2, ".con", "c=\"chest pain\" 99999999999:2 1:3||t=\"problem\"\n",
            "bad.con: line 1: index 99999999999 is too large"},
        new Object[] {"i2b2", I2B2, ".con", "c=\"x\" 1:7 1:7||t=\"test\"\n",
            "bad.con: line 1: token 7 is outside text line 1 (3 tokens)"},
        new Object[] {"i2b2", I2B2, ".con", "\nc=\"x\" 9:0 9:0||t=\"test\"\n",
            "bad.con: line 2: line 9 is outside the text (3 lines)"},
        new Object[] {"i2b2", I2B2, ".con", "c=\"chest pain\" 2:3-2:4 t=problem\n",
            "bad.con: line 1: expected c=\"TEXT\" LINE:TOKEN"},
        new Object[] {"i2b2", I2B2, ".con", "c=\"pain chest\" 2:4 2:3||t=\"problem\"\n",
            "bad.con: line 1: the concept ends before it starts"});
  }

  private final String format;
  private final String text;
  private final String extension;
  private final String annotations;
  private final String problem;

  public BadStandoffPairTest(String format, String text, String extension, String annotations, String problem) {
    this.format = format;
    this.text = text;
    this.extension = extension;
    this.annotations = annotations;
    this.problem = problem;
  }

  @Test
  public void theBadPairIsReportedAndTheGoodOneWritten() throws Exception {
    BadInput files = new BadInput(temp.getRoot().toPath());
    files.write("in/good.txt", "Fever today.\n");
    files.write("in/good" + extension,
        extension.equals(".ann") ? "T1\tSymptom 0 5\tFever\n" : "c=\"fever\" 1:0 1:0||t=\"problem\"\n");
    files.write("in/bad.txt", text);
    files.write("in/bad" + extension, annotations);
    CliRun.Result result = CliRun.run("convert", "--format", format, "--in", files.path("in").toString(), "--out",
        files.path("out").toString());
    assertReports(result, 1, problem, "documents written  1", "documents failed   1");
    files.assertOutputs("out", "good.xmi");
  }
}
