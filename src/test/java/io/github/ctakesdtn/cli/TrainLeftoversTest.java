package io.github.ctakesdtn.cli;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** What a killed train left beside its model is removed by the next run, and a finished run leaves only the model. */
public class TrainLeftoversTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void aKilledRunsTemporariesAndVectorTextAreRemoved() throws Exception {
    Path dir = temp.getRoot().toPath();
    StringBuilder corpus = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      corpus.append("Aspirin\tB-Chemical\ncauses\tO\nbleeding\tB-Disease\n.\tO\n\n");
    }
    Files.writeString(dir.resolve("train.tsv"), corpus);
    Files.createDirectories(dir.resolve("models/.m.model.vectors"));
    Files.writeString(dir.resolve("models/.m.model.vectors/.learned-vectors123.tokens"), "words of the notes\n");
    Files.writeString(dir.resolve("models/.m.model4711.tmp"), "half a model");
    Files.writeString(dir.resolve("models/.m.model.checkpoint42.tmp"), "half a checkpoint");
    Files.writeString(dir.resolve("models/.other.model99.tmp"), "another model's, left alone");

    CliRun.Result result = CliRun.run("train", "--train", dir.resolve("train.tsv").toString(), "--out",
        dir.resolve("models/m.model").toString(), "--epochs", "1", "--word-hidden", "4", "--no-learned-vectors",
        "--threads", "1");

    assertEquals(result.toString(), 0, result.exitCode());
    // The model and its report; of the leftovers only the other model's temporary.
    assertEquals(List.of(".other.model99.tmp", "m.html", "m.model"), CliRun.files(dir.resolve("models")));
  }
}
