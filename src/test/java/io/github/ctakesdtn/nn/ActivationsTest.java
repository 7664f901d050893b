package io.github.ctakesdtn.nn;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class ActivationsTest {
  private static float[] grid() {
    float[] x = new float[40_001];
    for (int i = 0; i < x.length; i++) {
      x[i] = -20f + i * 0.001f;
    }
    return x;
  }

  @Test
  public void tanhIsWithinThreeMillionthsEverywhere() {
    float[] x = grid();
    float[] y = x.clone();
    Activations.tanh(y);
    for (int i = 0; i < x.length; i++) {
      assertEquals("tanh(" + x[i] + ")", Math.tanh(x[i]), y[i], 3e-6);
    }
  }

  @Test
  public void sigmoidIsWithinTwoMillionthsEverywhere() {
    float[] x = grid();
    float[] y = x.clone();
    Activations.sigmoid(y);
    for (int i = 0; i < x.length; i++) {
      assertEquals("sigmoid(" + x[i] + ")", 1 / (1 + Math.exp(-x[i])), y[i], 2e-6);
    }
  }

  @Test
  public void extremeInputsSaturate() {
    float[] y = {Float.NEGATIVE_INFINITY, -1e30f, 1e30f, Float.POSITIVE_INFINITY};
    float[] s = y.clone();
    Activations.tanh(y);
    Activations.sigmoid(s);
    assertEquals(-1f, y[0], 1e-7f);
    assertEquals(-1f, y[1], 1e-7f);
    assertEquals(1f, y[2], 1e-7f);
    assertEquals(1f, y[3], 1e-7f);
    assertEquals(0f, s[0], 1e-7f);
    assertEquals(1f, s[3], 1e-7f);
  }
}
