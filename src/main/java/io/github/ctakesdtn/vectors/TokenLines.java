package io.github.ctakesdtn.vectors;

import io.github.ctakesdtn.corpus.Document;
import io.github.ctakesdtn.corpus.Sentence;
import io.github.ctakesdtn.corpus.Token;
import io.github.ctakesdtn.model.WordForms;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sentences written one per line as the tagger's word keys ({@link WordForms#key}) separated by
 * spaces: the text word2vec reads, once per epoch, so that notes are tokenized only once. A key
 * holding white space (rare) is left out, since it could not be looked up after the split.
 */
public final class TokenLines implements AutoCloseable {
  private final BufferedWriter writer;
  private long sentences;
  private long tokens;

  public TokenLines(Path file) throws IOException {
    this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  public void add(Document document) throws IOException {
    for (Sentence sentence : document.sentences()) {
      StringBuilder line = new StringBuilder();
      for (Token token : sentence.tokens()) {
        String key = WordForms.key(document.coveredText(token.begin(), token.end()));
        if (!key.isEmpty() && key.chars().noneMatch(Character::isWhitespace)) {
          line.append(line.isEmpty() ? "" : " ").append(key);
          tokens++;
        }
      }
      if (!line.isEmpty()) {
        writer.write(line.toString());
        writer.newLine();
        sentences++;
      }
    }
  }

  public long sentences() {
    return sentences;
  }

  public long tokens() {
    return tokens;
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
