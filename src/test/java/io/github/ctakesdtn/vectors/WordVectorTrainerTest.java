package io.github.ctakesdtn.vectors;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.corpus.Document;
import io.github.ctakesdtn.corpus.Sentence;
import io.github.ctakesdtn.corpus.Token;
import io.github.ctakesdtn.model.Vocabulary;
import io.github.ctakesdtn.train.EmbeddingTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class WordVectorTrainerTest {
  private static final List<String> DRUGS = List.of("azithromycin", "vancomycin", "lisinopril", "enalapril");
  private static final List<String> ORGANS = List.of("liver", "kidney", "colon", "pancreas");
  private static final VectorSettings SMALL = new VectorSettings(16, 2, 20, 1, 0, 7, 1);

  @Rule public TemporaryFolder temp = new TemporaryFolder();

  /** Drugs and organs never share a context: "given DRUG daily" against "the ORGAN was inflamed". */
  private Path notes() throws IOException {
    Random random = new Random(3);
    Path file = temp.getRoot().toPath().resolve("lines.txt");
    try (TokenLines lines = new TokenLines(file)) {
      for (int i = 0; i < 600; i++) {
        lines.add(document(random.nextBoolean()
            ? "patient given " + DRUGS.get(random.nextInt(DRUGS.size())) + " daily by mouth"
            : "the " + ORGANS.get(random.nextInt(ORGANS.size())) + " was inflamed on imaging"));
      }
    }
    return file;
  }

  /** One sentence of space-separated tokens. */
  private static Document document(String text) {
    List<Token> tokens = new ArrayList<>();
    int begin = 0;
    for (String word : text.split(" ")) {
      tokens.add(new Token(begin, begin + word.length()));
      begin += word.length() + 1;
    }
    return new Document("d", text, List.of(Sentence.of(tokens)), List.of());
  }

  @Test
  public void tokenLinesHoldTheTaggersWordKeysOneSentencePerLine() throws IOException {
    Path file = temp.getRoot().toPath().resolve("keys.txt");
    String text = "Aspirin 325mg daily. No fever";
    Document document = new Document("d", text, List.of(
        Sentence.of(List.of(new Token(0, 7), new Token(8, 13), new Token(14, 19), new Token(19, 20))),
        Sentence.of(List.of(new Token(21, 23), new Token(24, 29)))), List.of());
    try (TokenLines lines = new TokenLines(file)) {
      lines.add(document);
      lines.close();
      assertEquals(2, lines.sentences());
      assertEquals(6, lines.tokens());
    }
    assertEquals(List.of("aspirin 000mg daily .", "no fever"), Files.readAllLines(file));
  }

  @Test
  public void wordsOfTheSameContextsGetCloserVectorsThanOthers() throws IOException {
    WordVectorTrainer vectors = WordVectorTrainer.train(notes(), SMALL, epoch -> { });
    double within = 0;
    double across = 0;
    for (String drug : DRUGS) {
      for (String other : DRUGS) {
        within += drug.equals(other) ? 0 : cosine(vectors.vector(drug), vectors.vector(other));
      }
      for (String organ : ORGANS) {
        across += cosine(vectors.vector(drug), vectors.vector(organ));
      }
    }
    within /= DRUGS.size() * (DRUGS.size() - 1);
    across /= DRUGS.size() * ORGANS.size();
    assertTrue("drug-drug " + within + " vs drug-organ " + across, within > across + 0.3);
  }

  @Test
  public void theSameSeedGivesTheSameVectorsAndTheFileIsWhatTrainReads() throws IOException {
    Path lines = notes();
    List<Integer> epochs = new ArrayList<>();
    WordVectorTrainer first = WordVectorTrainer.train(lines, SMALL, epochs::add);
    WordVectorTrainer second = WordVectorTrainer.train(lines, SMALL, epoch -> { });
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20), epochs);
    Path out = temp.getRoot().toPath().resolve("vectors.txt");
    first.write(out);
    Path again = temp.getRoot().toPath().resolve("again.txt");
    second.write(again);
    assertEquals(Files.readString(out), Files.readString(again));

    assertEquals(first.vocabularySize() + " 16", Files.readAllLines(out).get(0));
    EmbeddingTable table = EmbeddingTable.read(out, 1000);
    assertEquals(16, table.dimension());
    assertEquals(first.vocabularySize(), table.words().size());
    Vocabulary vocabulary = new Vocabulary(List.of("vancomycin"));
    float[][] matrix = new float[vocabulary.size()][16];
    assertEquals(1, table.initialise(matrix, vocabulary));
    double[] expected = first.vector("vancomycin");
    float[] asFloats = new float[expected.length];
    for (int i = 0; i < expected.length; i++) {
      asFloats[i] = (float) expected[i];
    }
    assertArrayEquals(asFloats, matrix[vocabulary.index("vancomycin")], 0f);
  }

  private static double cosine(double[] a, double[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
