package io.github.ctakesdtn.vectors;

import io.github.ctakesdtn.corpus.CasCorpusReader;
import io.github.ctakesdtn.corpus.CtakesTokenizer;
import io.github.ctakesdtn.corpus.Document;
import io.github.ctakesdtn.corpus.TextFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.uima.UIMAException;

/**
 * Reads notes for word-vector training: plain text (*.txt), tokenized by the cTAKES components
 * the annotator runs, and CAS files, whose own sentences and tokens are kept (a CAS without tokens
 * is tokenized like a text). Mentions, if any, are ignored. Not thread-safe.
 */
public final class UnlabelledNotes implements AutoCloseable {
  private final CasCorpusReader casReader;
  private final CtakesTokenizer tokenizer;

  public UnlabelledNotes() throws UIMAException {
    this.casReader = new CasCorpusReader(List.of());
    this.tokenizer = new CtakesTokenizer();
  }

  /**
   * The notes under each input in turn; an input that does not exist is refused with its name and
   * the {@code option} that gave it.
   */
  public static List<Path> files(List<Path> inputs, String option) throws IOException {
    List<Path> notes = new ArrayList<>();
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new IllegalArgumentException(input + ": no such file or folder (" + option + ")");
      }
      notes.addAll(files(input));
    }
    return notes;
  }

  /** The notes under a folder (recursively, sorted), or the one file given; other files are left out. */
  public static List<Path> files(Path input) throws IOException {
    List<Path> candidates = Files.isDirectory(input) ? TextFiles.listFiles(input, "") : List.of(input);
    List<Path> notes = new ArrayList<>();
    for (Path file : candidates) {
      if (TextFiles.isNote(file)) {
        notes.add(file);
      }
    }
    return notes;
  }

  /** The note's text, sentences and tokens; a file that cannot be read fails with its name and place. */
  public Document read(Path file) throws IOException, UIMAException {
    String id = file.toString();
    if (file.getFileName().toString().endsWith(".txt")) {
      String text = TextFiles.readUtf8(file);
      return new Document(id, text, tokenizer.sentences(text), List.of());
    }
    Document document = casReader.read(file, id);
    if (document.tokenCount() == 0 && !document.text().isBlank()) {
      return new Document(id, document.text(), tokenizer.sentences(document.text()), List.of());
    }
    return document;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
