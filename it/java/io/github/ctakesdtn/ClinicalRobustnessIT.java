package io.github.ctakesdtn;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.clinical.ModelOnNotes;
import io.github.ctakesdtn.clinical.RobustnessCheck;
import io.github.ctakesdtn.clinical.SyntheticClinicalNotes;
import io.github.ctakesdtn.clinical.SyntheticCorpusWriter;
import io.github.ctakesdtn.clinical.SyntheticNote;
import io.github.ctakesdtn.uima.ModelRegistry;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The synthetic clinical notes as the docs use them: written by their main, scored by
 * {@code evaluate --model}, and the bundled model (or a model named with the property below) held
 * to the robustness goals: no section header tagged, every drug at a line start found.
 *
 * <pre>
 * mvn -o verify -Dit.test=ClinicalRobustnessIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dctakesdtn.clinical.model=/path/to/clinical.model
 * </pre>
 */
public class ClinicalRobustnessIT {
  static final String MODEL_PROPERTY = "ctakesdtn.clinical.model";

  @Rule public TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void theWrittenNotesAreAGoldCorpusThatEvaluateScoresAModelOn() throws Exception {
    Path work = temp.getRoot().toPath();
    String classpath = Cli.jar().toAbsolutePath() + File.pathSeparator + Path.of("target/test-classes").toAbsolutePath();
    Cli.Result written = Cli.runClass(work, classpath, SyntheticCorpusWriter.class.getName(), "notes", "6", "3");
    assertEquals(written.toString(), 0, written.exitCode());
    assertTrue(written.toString(), written.out().contains("documents written  6"));
    Path model = Path.of("resources/io/github/ctakesdtn/models/default.model").toAbsolutePath();
    Cli.Result scored = Cli.ok(work, "evaluate", "--gold", "notes/xmi", "--model", model.toString(), "--json",
        "scores.json");
    // Every gold group is scored, whatever the model's own labels are.
    for (String label : List.of("DiseaseDisorderMention", "SignSymptomMention", "MedicationMention",
        "ProcedureMention", "LabMention")) {
      assertTrue(label + " in\n" + scored, scored.out().contains(label));
    }
    assertTrue(Files.readString(work.resolve("scores.json"), StandardCharsets.UTF_8).contains("\"micro\""));
  }

  @Test
  public void theModelTagsNoHeaderAndFindsEveryLineStartDrug() throws Exception {
    String model = System.getProperty(MODEL_PROPERTY, ModelRegistry.DEFAULT_MODEL);
    List<SyntheticNote> notes = SyntheticClinicalNotes.generate(SyntheticCorpusWriter.DEFAULT_NOTES,
        SyntheticCorpusWriter.DEFAULT_SEED);
    RobustnessCheck.Result result = RobustnessCheck.judge(notes, ModelOnNotes.predict(model, notes));
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    result.print(new PrintStream(report, true, StandardCharsets.UTF_8));
    System.out.print(report.toString(StandardCharsets.UTF_8));
    assertTrue(report.toString(StandardCharsets.UTF_8), result.passes());
  }
}
