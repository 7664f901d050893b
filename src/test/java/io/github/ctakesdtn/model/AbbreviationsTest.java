package io.github.ctakesdtn.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import io.github.ctakesdtn.corpus.TokenSpan;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;

public class AbbreviationsTest {
  private static List<String> tokens(String text) {
    return Arrays.asList(text.split(" "));
  }

  private static TaggedSpan span(int first, int end, String label, double confidence) {
    return new TaggedSpan(new TokenSpan(first, end, label), confidence);
  }

  @Test
  public void aShortFormDefinedAfterAMentionIsTaggedWhereverItOccursWithTheLongFormsLabel() {
    List<List<String>> sentences = List.of(
        tokens("Ataxia - telangiectasia ( A - T ) is a recessive disorder ."),
        tokens("We studied 12 A - T patients and their A - T heterozygous parents ."));
    List<List<TaggedSpan>> tagged = List.of(List.of(span(0, 3, "Disease", 0.9), span(10, 11, "Disease", 0.7)),
        List.of());

    List<List<TaggedSpan>> result = Abbreviations.propagate(sentences, tagged);

    assertEquals(List.of(span(0, 3, "Disease", 0.9), span(4, 7, "Disease", 0.9), span(10, 11, "Disease", 0.7)),
        result.get(0));
    assertEquals(List.of(span(3, 6, "Disease", 0.9), span(9, 12, "Disease", 0.9)), result.get(1));
  }

  @Test
  public void nothingIsAddedWhenTheMentionIsNotTheWholeLongForm() {
    // "ATM" abbreviates "ataxia telangiectasia mutated", a gene; the mention is only the disease in it.
    List<List<String>> sentences = List.of(tokens("ataxia telangiectasia mutated ( ATM ) gene"), tokens("ATM is large"));
    List<List<TaggedSpan>> tagged = List.of(List.of(span(0, 2, "Disease", 0.9)), List.of());

    assertSame(tagged, Abbreviations.propagate(sentences, tagged));
  }

  @Test
  public void anOccurrenceInsideAnotherMentionAndWordsThatAreNoShortFormsAreLeftAlone() {
    List<List<String>> sentences = List.of(
        tokens("renal cell carcinoma ( RCC ) and breast cancer ( see below )"),
        tokens("metastatic RCC cells , RCC"));
    List<List<TaggedSpan>> tagged = List.of(List.of(span(0, 3, "Disease", 0.8), span(7, 9, "Disease", 0.9)),
        List.of(span(0, 2, "Disease", 0.6)));

    List<List<TaggedSpan>> result = Abbreviations.propagate(sentences, tagged);

    assertEquals(List.of(span(0, 3, "Disease", 0.8), span(4, 5, "Disease", 0.8), span(7, 9, "Disease", 0.9)),
        result.get(0));
    assertEquals(List.of(span(0, 2, "Disease", 0.6), span(4, 5, "Disease", 0.8)), result.get(1));
  }

  @Test
  public void theLongFormIsTheFewestWordsThatHoldTheShortFormsLettersInOrder() {
    assertEquals(2, Abbreviations.longFormTokens(tokens("patients with heart attack"), "HA"));
    assertEquals(3, Abbreviations.longFormTokens(tokens("the hereditary nonpolyposis colorectal"), "HNPC"));
    assertEquals(3, Abbreviations.longFormTokens(tokens("with Ataxia - telangiectasia"), "A-T"));
    assertEquals("the first letter starts a word", 0, Abbreviations.longFormTokens(tokens("chest pain"), "HP"));
    assertEquals(0, Abbreviations.longFormTokens(tokens("kidney disease"), "RCC"));
  }
}
