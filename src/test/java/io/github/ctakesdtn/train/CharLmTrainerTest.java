package io.github.ctakesdtn.train;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.nn.Params;
import io.github.ctakesdtn.nn.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** The character language models learn the text they are given, the same way for the same seed. */
public class CharLmTrainerTest {
  private static List<List<String>> text() {
    List<String> findings = List.of("fever", "cough", "rash", "pain");
    List<List<String>> sentences = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      sentences.add(List.of("The", "patient", "has", findings.get(i % 4), "."));
    }
    return sentences;
  }

  private static CharLmTrainer.Trained train(int passes, long seed) throws Exception {
    return CharLmTrainer.train(text(), new CharLmTrainer.Settings(8, passes, 4, 0.01, 5, seed),
        new PrintStream(new ByteArrayOutputStream()));
  }

  @Test
  public void morePassesPredictTheTextBetter() throws Exception {
    CharLmTrainer.Trained one = train(1, 3);
    CharLmTrainer.Trained four = train(4, 3);
    assertTrue(one.forwardBits() + " bits after one pass", one.forwardBits() < Math.log(129) / Math.log(2));
    assertTrue(four.forwardBits() + " after four, " + one.forwardBits() + " after one",
        four.forwardBits() < one.forwardBits() - 0.5);
    assertTrue(four.backwardBits() + " after four, " + one.backwardBits() + " after one",
        four.backwardBits() < one.backwardBits() - 0.5);
    // " The patient has fever . " is 25 characters, with "rash" or "pain" 24.
    assertEquals(15 * (25 + 25 + 24 + 24), one.characters());
  }

  @Test
  public void theSameSeedGivesTheSameModels() throws Exception {
    Params a = train(2, 5).params();
    Params b = train(2, 5).params();
    for (Tensor tensor : a.tensors()) {
      assertArrayEquals(tensor.name(), a.values(tensor), b.values(tensor), 0f);
    }
  }
}
