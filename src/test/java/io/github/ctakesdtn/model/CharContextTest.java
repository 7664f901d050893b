package io.github.ctakesdtn.model;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import io.github.ctakesdtn.nn.Params;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;

/** Which language-model states make a token's contextual embedding. */
public class CharContextTest {
  private static CharContext context() {
    Params params = new Params();
    CharContext context = new CharContext(params, 4);
    params.initialise(3);
    context.refresh();
    return context;
  }

  @Test
  public void aTokenTakesTheForwardStateAfterItsLastCharacterAndTheBackwardStateAfterItsFirst() {
    CharContext context = context();
    List<String> tokens = List.of("No", "chest", "pain");
    String text = CharContext.text(tokens);
    assertEquals(" No chest pain ", text);
    float[][] forward = context.forward().states(text);
    float[][] backward = context.backward().states(new StringBuilder(text).reverse());
    float[][] embedded = context.embed(tokens);
    assertEquals(3, embedded.length);
    assertEquals(context.size(), embedded[1].length);
    // "chest" spans characters 4-8 of the text; read backwards, its first character is at 14 - 4.
    assertArrayEquals(forward[8], Arrays.copyOfRange(embedded[1], 0, 4), 0f);
    assertArrayEquals(backward[10], Arrays.copyOfRange(embedded[1], 4, 8), 0f);
  }

  @Test
  public void theSameWordGetsAnotherEmbeddingInAnotherSentence() {
    CharContext context = context();
    float[] denies = context.embed(List.of("Denies", "pain", "."))[1];
    float[] reports = context.embed(List.of("Reports", "pain", "today"))[1];
    assertFalse(Arrays.equals(Arrays.copyOfRange(denies, 0, 4), Arrays.copyOfRange(reports, 0, 4)));
    assertFalse(Arrays.equals(Arrays.copyOfRange(denies, 4, 8), Arrays.copyOfRange(reports, 4, 8)));
  }
}
