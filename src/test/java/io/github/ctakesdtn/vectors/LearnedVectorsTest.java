package io.github.ctakesdtn.vectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.model.SyntheticCorpus;
import io.github.ctakesdtn.train.EmbeddingTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class LearnedVectorsTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void learnsVectorsFromSentencesAndNotesAndLeavesNoTextBehind() throws Exception {
    List<List<String>> sentences = SyntheticCorpus.sentences(200, 4).stream().map(LabeledSentence::tokens).toList();
    Path notes = temp.newFolder("notes").toPath();
    Files.writeString(notes.resolve("a.txt"), "The zzyzx tablets were stopped. Zzyzx was restarted at night.\n");
    Path work = temp.newFolder("work").toPath();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    EmbeddingTable table = LearnedVectors.learn(sentences, List.of(notes), work, new PrintStream(printed, true));
    assertEquals(LearnedVectors.SETTINGS.dimension(), table.dimension());
    assertTrue(table.words().toString(), table.words().contains("patient") && table.words().contains("zzyzx"));
    assertTrue(printed.toString(), printed.toString().startsWith("word vectors: "));
    try (var left = Files.list(work)) {
      assertEquals("the text and vectors are deleted", 0, left.count());
    }
  }

  @Test
  public void tooLittleTextGivesNoVectors() throws Exception {
    Path work = temp.newFolder("work").toPath();
    PrintStream out = new PrintStream(new ByteArrayOutputStream());
    assertNull(LearnedVectors.learn(List.of(List.of("once", "twice")), List.of(), work, out));
  }
}
