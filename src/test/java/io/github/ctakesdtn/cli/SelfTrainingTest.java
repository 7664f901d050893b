package io.github.ctakesdtn.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.model.Tagger;
import io.github.ctakesdtn.model.TaggerModel;
import io.github.ctakesdtn.uima.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SelfTrainingTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private static LabeledSentence sentence(String... tokens) {
    return new LabeledSentence(List.of(tokens), List.of());
  }

  @Test
  public void thePoolHoldsTheSentencesNeitherTrainedOnNorHeldOutAndTheNotes() throws Exception {
    LabeledSentence trained = sentence("trained");
    LabeledSentence dev = sentence("dev");
    LabeledSentence leftOut = sentence("left", "out");
    // The same words as a trained sentence, but another sentence of the corpus: it is in the pool.
    LabeledSentence sameWords = sentence("trained");
    TrainingData.Split split = new TrainingData.Split(List.of(trained), List.of(dev), "carved",
        List.of(trained, dev, leftOut, sameWords));
    Path notes = temp.newFolder("notes").toPath();
    Files.writeString(notes.resolve("a.txt"), "The patient denies chest pain. Aspirin was given.");

    List<List<String>> pool = SelfTraining.draw(split, List.of(notes), 7).sentences();

    assertEquals(List.of("left", "out"), pool.get(0));
    assertEquals(List.of("trained"), pool.get(1));
    assertEquals("the note's two sentences, tokenized as the annotator does: " + pool, 4, pool.size());
    assertEquals("Aspirin", pool.get(3).get(0));
  }

  @Test
  public void aMissingNotesFolderIsNamed() {
    TrainingData.Split split = new TrainingData.Split(List.of(), List.of(), "", List.of());
    Path missing = temp.getRoot().toPath().resolve("no-such-notes");
    IllegalArgumentException e = org.junit.Assert.assertThrows(IllegalArgumentException.class,
        () -> SelfTraining.draw(split, List.of(missing), 7));
    assertTrue(e.getMessage(), e.getMessage().contains("no-such-notes") && e.getMessage().contains("--unlabelled"));
  }

  @Test
  public void aLargeFolderOfNotesIsReadOnlyUntilItHoldsTheSample() throws Exception {
    LabeledSentence trained = sentence("trained");
    TrainingData.Split split = new TrainingData.Split(List.of(trained), List.of(), "carved", List.of(trained));
    Path notes = temp.newFolder("many").toPath();
    for (int i = 0; i < 30; i++) {
      Files.writeString(notes.resolve(String.format("note%02d.txt", i)), "Note " + i + " starts here. It ends here.");
    }

    SelfTraining.Unannotated drawn = SelfTraining.draw(split, List.of(notes), 7);

    assertEquals("ten sentences per annotated one", 10, drawn.sentences().size());
    assertEquals("two sentences a note: five notes hold the sample", 5, drawn.notesRead());
    assertEquals(30, drawn.notes());
    assertEquals(drawn.sentences(), SelfTraining.draw(split, List.of(notes), 7).sentences());
    assertNotEquals(drawn.sentences(), SelfTraining.draw(split, List.of(notes), 8).sentences());
  }

  @Test
  public void aLargePoolIsSampledToTenSentencesPerAnnotatedOneTheSameWayForTheSameSeed() {
    List<List<String>> pool = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      pool.add(List.of("sentence" + i));
    }
    List<List<String>> capped = SelfTraining.capped(pool, 3, 7);
    assertEquals(30, capped.size());
    assertEquals(30, new HashSet<>(capped).size());
    assertTrue(pool.containsAll(capped));
    assertEquals(capped, SelfTraining.capped(pool, 3, 7));
    assertNotEquals(capped, SelfTraining.capped(pool, 3, 8));
    assertEquals("a pool within the cap is kept whole, in order", pool, SelfTraining.capped(pool, 10, 7));
  }

  @Test
  public void theTokensTheTaggerIsUnsureOfAreLeftOpenAndItsMentionsKept() throws Exception {
    TaggerModel model = ModelRegistry.tagger(ModelRegistry.DEFAULT_MODEL).model();
    List<List<String>> sentences = List.of(
        List.of("The", "patient", "denies", "chest", "pain", "and", "was", "given", "aspirin", "."),
        List.of("History", "of", "type", "2", "diabetes", "mellitus", "with", "neuropathy", "."));
    List<Tagger.TaggedTokens> tagged = new Tagger(model).tagTokens(sentences, 8);

    List<LabeledSentence> fixed = SelfTraining.tagged(model, sentences, 0);
    List<LabeledSentence> unsureOpen = SelfTraining.tagged(model, sentences, 0.999);
    int open = 0;
    for (int i = 0; i < sentences.size(); i++) {
      assertEquals(List.of(), fixed.get(i).openTokens());
      assertEquals(fixed.get(i).spans(), unsureOpen.get(i).spans());
      double[] probabilities = tagged.get(i).tagProbabilities();
      for (int t = 0; t < probabilities.length; t++) {
        assertEquals("token " + t + " of " + sentences.get(i) + ", probability " + probabilities[t],
            probabilities[t] < 0.999, unsureOpen.get(i).openTokens().contains(t));
      }
      open += unsureOpen.get(i).openTokens().size();
    }
    assertTrue("some tokens are unsure and some sure", open > 0 && open < 19);
  }
}
