package io.github.ctakesdtn.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.train.TransferConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.Test;
import picocli.CommandLine;

public class TransferOptionsTest {
  /** A target of {@code sentences} sentences of ten tokens each. */
  private static List<LabeledSentence> target(int sentences) {
    List<LabeledSentence> target = new ArrayList<>();
    for (int i = 0; i < sentences; i++) {
      target.add(new LabeledSentence(Collections.nCopies(10, "word"), List.of()));
    }
    return target;
  }

  private static TransferConfig parse(List<LabeledSentence> target, String... args) {
    TransferOptions options = new TransferOptions();
    new CommandLine(options).parseArgs(args);
    return options.config(target);
  }

  @Test
  public void leftOutOptionsFollowTheTargetsSize() {
    TransferConfig small = parse(target(1_000));
    assertTrue(small.warmStart());
    assertEquals(4, small.sourceBatchesPerTargetBatch());
    assertEquals(2.0, small.gateBias(), 0);

    TransferConfig medium = parse(target(3_000));
    assertFalse(medium.warmStart());
    assertEquals(1, medium.sourceBatchesPerTargetBatch());
    assertEquals(2.0, medium.gateBias(), 0);

    TransferConfig large = parse(target(6_000));
    assertFalse(large.warmStart());
    assertEquals(0.0, large.gateBias(), 0);
  }

  @Test
  public void givenOptionsWinOverTheSizedDefaults() {
    TransferConfig small = parse(target(1_000), "--no-warm-start", "--source-ratio", "2", "--gate-bias", "0.5");
    assertFalse(small.warmStart());
    assertEquals(2, small.sourceBatchesPerTargetBatch());
    assertEquals(0.5, small.gateBias(), 0);
    assertTrue(parse(target(6_000), "--warm-start").warmStart());
  }
}
