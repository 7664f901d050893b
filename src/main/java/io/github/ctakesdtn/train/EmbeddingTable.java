package io.github.ctakesdtn.train;

import com.google.gson.JsonArray;
import io.github.ctakesdtn.corpus.CorpusFormatException;
import io.github.ctakesdtn.model.Vocabulary;
import io.github.ctakesdtn.model.WordForms;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pre-trained word vectors from a word2vec or GloVe file: text ("word v1 ... vD" per line, with or
 * without word2vec's "COUNT DIM" header) or word2vec binary (files ending in {@code .bin}). Words
 * are keyed as the tagger keys them ({@link WordForms#key}); the first vector of a key wins, and
 * at most {@code maxWords} keys are kept (the files list frequent words first).
 */
public final class EmbeddingTable {
  private final Map<String, float[]> vectors;
  private final int dimension;

  private EmbeddingTable(Map<String, float[]> vectors, int dimension) {
    this.vectors = vectors;
    this.dimension = dimension;
  }

  public static EmbeddingTable read(Path file, int maxWords) throws IOException {
    return file.getFileName().toString().endsWith(".bin") ? readBinary(file, maxWords) : readText(file, maxWords);
  }

  /**
   * Keeps the table in a checkpoint under {@code name}, so a resumed run starts from the very
   * vectors the interrupted one had (learned vectors would otherwise be learned again).
   */
  public void saveTo(TrainingState state, String name) {
    JsonArray words = new JsonArray();
    float[][] matrix = new float[vectors.size()][];
    int i = 0;
    for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
      words.add(entry.getKey());
      matrix[i++] = entry.getValue();
    }
    state.values().add(name + "/words", words);
    state.values().addProperty(name + "/dimension", dimension);
    state.putFloats(name, matrix);
  }

  /** The table {@link #saveTo} kept under {@code name}, or null when none was kept. */
  public static EmbeddingTable restoreFrom(TrainingState state, String name) {
    if (!state.values().has(name + "/words")) {
      return null;
    }
    JsonArray words = state.values().getAsJsonArray(name + "/words");
    float[][] matrix = state.floats(name, words.size(), state.getInt(name + "/dimension"));
    Map<String, float[]> vectors = new LinkedHashMap<>();
    for (int i = 0; i < matrix.length; i++) {
      vectors.put(words.get(i).getAsString(), matrix[i]);
    }
    return new EmbeddingTable(vectors, state.getInt(name + "/dimension"));
  }

  public int dimension() {
    return dimension;
  }

  public List<String> words() {
    return new ArrayList<>(vectors.keySet());
  }

  /** Copies the vector of every vocabulary word that has one into the embedding matrix [V][D]. */
  public int initialise(float[][] embeddingMatrix, Vocabulary vocabulary) {
    int found = 0;
    for (int i = 0; i < vocabulary.size(); i++) {
      float[] vector = vectors.get(vocabulary.symbol(i));
      if (vector != null) {
        System.arraycopy(vector, 0, embeddingMatrix[i], 0, dimension);
        found++;
      }
    }
    return found;
  }

  private static EmbeddingTable readText(Path file, int maxWords) throws IOException {
    Map<String, float[]> vectors = new LinkedHashMap<>();
    int dimension = -1;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNumber = 0;
      while ((line = reader.readLine()) != null && vectors.size() < maxWords) {
        lineNumber++;
        String[] fields = line.trim().split(" ");
        if (lineNumber == 1 && fields.length == 2) {
          continue; // word2vec text header: COUNT DIM
        }
        if (fields.length < 2) {
          throw new CorpusFormatException(file, "line " + lineNumber, "expected a word and its vector");
        }
        if (dimension < 0) {
          dimension = fields.length - 1;
        } else if (fields.length - 1 != dimension) {
          throw new CorpusFormatException(file, "line " + lineNumber,
              "vector has " + (fields.length - 1) + " values, earlier lines have " + dimension);
        }
        float[] vector = new float[dimension];
        try {
          for (int i = 0; i < dimension; i++) {
            vector[i] = Float.parseFloat(fields[i + 1]);
          }
        } catch (NumberFormatException e) {
          throw new CorpusFormatException(file, "line " + lineNumber, "not a number: " + e.getMessage());
        }
        vectors.putIfAbsent(WordForms.key(fields[0]), vector);
      }
    }
    if (dimension < 0) {
      throw new CorpusFormatException(file, "", "no word vectors in the file");
    }
    return new EmbeddingTable(vectors, dimension);
  }

  private static EmbeddingTable readBinary(Path file, int maxWords) throws IOException {
    Map<String, float[]> vectors = new LinkedHashMap<>();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      String[] header = readToken(in, '\n').trim().split(" ");
      if (header.length != 2) {
        throw new CorpusFormatException(file, "header", "expected 'COUNT DIM' for a word2vec binary file");
      }
      int count = Integer.parseInt(header[0]);
      int dimension = Integer.parseInt(header[1]);
      byte[] raw = new byte[4 * dimension];
      for (int w = 0; w < count && vectors.size() < maxWords; w++) {
        String word = readToken(in, ' ').strip();
        in.readFully(raw);
        float[] vector = new float[dimension];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        vectors.putIfAbsent(WordForms.key(word), vector);
      }
      return new EmbeddingTable(vectors, dimension);
    } catch (EOFException | NumberFormatException e) {
      throw new CorpusFormatException(file, "", "truncated or malformed word2vec binary file", e);
    }
  }

  private static String readToken(InputStream in, char end) throws IOException {
    List<Byte> bytes = new ArrayList<>();
    int b;
    while ((b = in.read()) != -1 && b != end) {
      bytes.add((byte) b);
    }
    if (b == -1 && bytes.isEmpty()) {
      throw new EOFException();
    }
    byte[] array = new byte[bytes.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = bytes.get(i);
    }
    return new String(array, StandardCharsets.UTF_8);
  }
}
