package io.github.ctakesdtn.train;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.Test;

public class SnapshotRandomTest {
  /** The draws training makes: shuffles and uniform doubles, interleaved. */
  private static List<Object> draws(Random random) {
    List<Object> draws = new ArrayList<>();
    for (int round = 0; round < 50; round++) {
      List<Integer> order = new ArrayList<>(IntStream.range(0, 37).boxed().toList());
      Collections.shuffle(order, random);
      draws.add(order);
      draws.add(random.nextDouble());
      draws.add(random.nextInt(1000));
      draws.add(random.nextLong());
    }
    return draws;
  }

  @Test
  public void drawsWhatJavaUtilRandomDrawsForTheSameSeed() {
    for (long seed : new long[] {0, 13, -7, Long.MAX_VALUE}) {
      assertEquals(draws(new Random(seed)), draws(new SnapshotRandom(seed)));
    }
  }

  @Test
  public void aGeneratorMadeFromItsStateContinuesWhereItStood() {
    SnapshotRandom random = new SnapshotRandom(21);
    draws(random);
    SnapshotRandom copy = SnapshotRandom.fromState(random.state());
    assertEquals(draws(random), draws(copy));
  }
}
