package io.github.ctakesdtn.train;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.model.Vocabulary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class EmbeddingTableTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void readsTextWithOrWithoutHeaderKeyedLikeTheTagger() throws IOException {
    Path glove = temp.getRoot().toPath().resolve("glove.txt");
    Files.writeString(glove, "Fever 0.5 -1 2\nfever 9 9 9\nday3 1 1 1\n");
    EmbeddingTable table = EmbeddingTable.read(glove, 100);
    assertEquals(3, table.dimension());
    assertEquals(List.of("fever", "day0"), table.words());
    Path word2vec = temp.getRoot().toPath().resolve("w2v.txt");
    Files.writeString(word2vec, "2 3\nfever 0.5 -1 2\ncough 1 2 3\n");
    assertEquals(List.of("fever"), EmbeddingTable.read(word2vec, 1).words());
  }

  @Test
  public void readsWord2vecBinaryAndInitialisesTheMatrix() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("2 2\n".getBytes(StandardCharsets.UTF_8));
    for (Object[] entry : new Object[][] {{"fever", new float[] {0.25f, -1f}}, {"cough", new float[] {3f, 4f}}}) {
      bytes.write((entry[0] + " ").getBytes(StandardCharsets.UTF_8));
      ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      for (float v : (float[]) entry[1]) {
        buffer.putFloat(v);
      }
      bytes.write(buffer.array());
      bytes.write('\n');
    }
    Path file = temp.getRoot().toPath().resolve("vectors.bin");
    Files.write(file, bytes.toByteArray());
    EmbeddingTable table = EmbeddingTable.read(file, 10);
    assertEquals(List.of("fever", "cough"), table.words());
    Vocabulary vocabulary = new Vocabulary(List.of("cough", "other"));
    float[][] matrix = new float[vocabulary.size()][2];
    assertEquals(1, table.initialise(matrix, vocabulary));
    assertArrayEquals(new float[] {3f, 4f}, matrix[vocabulary.index("cough")], 0f);
    assertArrayEquals(new float[] {0f, 0f}, matrix[vocabulary.index("other")], 0f);
  }

  @Test
  public void aRaggedFileIsRefusedWithItsLine() throws IOException {
    Path file = temp.getRoot().toPath().resolve("bad.txt");
    Files.writeString(file, "a 1 2\nb 1\n");
    IOException e = assertThrows(IOException.class, () -> EmbeddingTable.read(file, 10));
    assertTrue(e.getMessage(), e.getMessage().contains("bad.txt: line 2: vector has 1 values"));
  }
}
