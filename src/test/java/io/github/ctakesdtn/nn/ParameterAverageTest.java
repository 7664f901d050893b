package io.github.ctakesdtn.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class ParameterAverageTest {
  private static Param param(Params params) {
    return params.add(Param.matrix(Tensor.of("layer", "W", 1, 2), 1, 2, Param.Init.zero()));
  }

  @Test
  public void theAverageFollowsTheStepsWithTheWarmUpDecay() {
    Params params = new Params();
    Param p = param(params);
    ParameterAverage average = new ParameterAverage(params, 0.5);
    p.value()[0][0] = 4;
    p.value()[0][1] = -2;
    average.update(); // step 1: d = min(0.5, 2/11)
    float d = 2f / 11;
    float[] expected = {(1 - d) * 4, (1 - d) * -2};
    average.swap();
    assertArrayEquals(expected, p.value()[0], 1e-6f);
    average.swap();
    assertArrayEquals(new float[] {4, -2}, p.value()[0], 0f);
    for (int i = 0; i < 200; i++) {
      average.update();
    }
    average.swap();
    assertEquals(4, p.value()[0][0], 1e-4);
    average.swap();
    p.value()[0][1] = 7;
    average.reset();
    average.swap();
    assertArrayEquals("after a reset the average is the current values", new float[] {4, 7}, p.value()[0], 0f);
  }

  @Test
  public void aDecayOutsideTheOpenUnitIntervalIsRefused() {
    Params params = new Params();
    param(params);
    assertThrows(IllegalArgumentException.class, () -> new ParameterAverage(params, 1));
    assertThrows(IllegalArgumentException.class, () -> new ParameterAverage(params, 0));
  }
}
