package io.github.ctakesdtn.nn;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.Random;
import org.junit.Test;

/** The character language model's gradients against finite differences of its own loss, and its states. */
public class CharLanguageModelTest {
  private static final String TEXT = " Denies fever, no µg dose ";

  private static CharLanguageModel model(Params params) {
    CharLanguageModel model = new CharLanguageModel(params, "lm", 5);
    Random random = new Random(5);
    for (Param p : params.all()) {
      for (float[] row : p.value()) {
        for (int c = 0; c < row.length; c++) {
          row[c] = (float) (random.nextGaussian() * 0.3);
        }
      }
    }
    model.refresh();
    return model;
  }

  @Test
  public void gradientsMatchFiniteDifferences() {
    Params params = new Params();
    CharLanguageModel model = model(params);
    Gradients grads = new Gradients(params);
    double loss = model.accumulate(TEXT, grads);
    assertTrue(loss > 0);
    Random pick = new Random(9);
    int checked = 0;
    for (Param p : model.params()) {
      for (int k = 0; k < 6; k++) {
        // Embedding rows of characters in the text, where the gradient is not zero by construction.
        int r = p.tensor().layer().endsWith(".embedding")
            ? CharLanguageModel.id(TEXT.charAt(pick.nextInt(TEXT.length() - 1))) : pick.nextInt(p.rows());
        int c = pick.nextInt(p.columns());
        float original = p.value()[r][c];
        float eps = 1e-2f;
        p.value()[r][c] = original + eps;
        model.refresh();
        double plus = model.accumulate(TEXT, new Gradients(params));
        p.value()[r][c] = original - eps;
        model.refresh();
        double minus = model.accumulate(TEXT, new Gradients(params));
        p.value()[r][c] = original;
        model.refresh();
        double numeric = (plus - minus) / (2 * eps);
        assertEquals(p + " [" + r + "][" + c + "]", numeric, grads.of(p)[r][c], 2e-3 + 0.05 * Math.abs(numeric));
        checked++;
      }
    }
    assertEquals(6 * model.params().size(), checked);
  }

  @Test
  public void aStateDependsOnlyOnTheTextBeforeIt() {
    CharLanguageModel model = model(new Params());
    float[][] a = model.states(" fever and cough ");
    float[][] b = model.states(" fever or rash ");
    assertEquals(" fever and cough ".length(), a.length);
    for (int i = 0; i < " fever ".length(); i++) {
      for (int j = 0; j < model.hidden(); j++) {
        assertEquals(a[i][j], b[i][j], 0f);
      }
    }
    assertNotEquals(a[8][0], b[8][0], 1e-6f);
  }

  @Test
  public void charactersBeyondAsciiShareOneId() {
    assertEquals(128, CharLanguageModel.id('µ'));
    assertEquals(128, CharLanguageModel.id('é'));
    assertEquals('a', CharLanguageModel.id('a'));
  }
}
