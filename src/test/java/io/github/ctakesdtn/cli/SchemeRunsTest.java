package io.github.ctakesdtn.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.model.GateStatistics;
import io.github.ctakesdtn.report.SearchRun;
import io.github.ctakesdtn.train.TrainingHistory;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class SchemeRunsTest {
  private static final TrainingHistory NO_HISTORY = new TrainingHistory(List.of(), List.of());

  private static SearchRun run(long seed, double dev, double test, int epoch, double gate) {
    return new SearchRun("dtn", seed, dev, test, epoch, 60, Map.of("chars", new GateStatistics.Stat(gate, 0.1, 10)),
        NO_HISTORY);
  }

  @Test
  public void severalSeedsGiveMeanAndSampleDeviationAndTheBestDevRunsEpochAndGates() {
    SchemeRuns runs = new SchemeRuns("dtn");
    runs.add(run(13, 0.5, 0.4, 3, 0.2));
    assertTrue(runs.wouldBeBest(0.7));
    runs.add(run(14, 0.7, 0.6, 7, 0.9));
    assertFalse(runs.wouldBeBest(0.6));
    runs.add(run(15, 0.6, 0.8, 5, 0.5));
    assertEquals(14, runs.best().seed());
    assertEquals("| dtn | 60.00 ± 10.00 | 60.00 ± 20.00 | 7 | 3.0 | chars 0.90±0.10 |\n", runs.tableRow());
  }

  @Test
  public void oneSeedGivesPlainScoresAndNoTestScoreADash() {
    SchemeRuns runs = new SchemeRuns("C+W");
    runs.add(new SearchRun("C+W", 13, 0.725, null, 4, 30, Map.of(), NO_HISTORY));
    assertEquals("| C+W | 72.50 | - | 4 | 0.5 |  |\n", runs.tableRow());
  }
}
