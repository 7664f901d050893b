package io.github.ctakesdtn.vectors;

import io.github.ctakesdtn.corpus.Document;
import io.github.ctakesdtn.corpus.Sentence;
import io.github.ctakesdtn.model.WordForms;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentences written one per line as the tagger's word keys ({@link WordForms#key}) separated by
 * spaces: the text word2vec reads, once per epoch, so that notes are tokenized only once. A key
 * holding white space (rare) is left out, since it could not be looked up after the split.
 */
public final class TokenLines implements AutoCloseable {
  private final BufferedWriter writer;
  private final Map<String, Integer> counts = new HashMap<>();
  private long sentences;
  private long tokens;

  public TokenLines(Path file) throws IOException {
    this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  public void add(Document document) throws IOException {
    for (Sentence sentence : document.sentences()) {
      add(sentence.tokens().stream().map(token -> document.coveredText(token.begin(), token.end())).toList());
    }
  }

  /** One tokenized sentence. */
  public void add(List<String> words) throws IOException {
    StringBuilder line = new StringBuilder();
    for (String word : words) {
      String key = WordForms.key(word);
      if (!key.isEmpty() && key.chars().noneMatch(Character::isWhitespace)) {
        line.append(line.isEmpty() ? "" : " ").append(key);
        counts.merge(key, 1, Integer::sum);
        tokens++;
      }
    }
    if (!line.isEmpty()) {
      writer.write(line.toString());
      writer.newLine();
      sentences++;
    }
  }

  public long sentences() {
    return sentences;
  }

  public long tokens() {
    return tokens;
  }

  /** How many distinct keys were written at least {@code times} times (the words word2vec will learn). */
  public long wordsSeenAtLeast(int times) {
    return counts.values().stream().filter(n -> n >= times).count();
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
