package io.github.ctakesdtn.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.uima.UIMAException;

/**
 * Loads a whole corpus into memory from a CoNLL file or from CAS files (a folder or one file),
 * collecting documents that could not be read as problems instead of stopping.
 */
public final class CorpusLoader {
  /** Documents read, and one line per document that could not be read. */
  public record Loaded(List<Document> documents, List<String> problems, boolean conll) {}

  /** Sentences per document when a CoNLL file has no {@code -DOCSTART-} lines. */
  public static final int DEFAULT_SENTENCES_PER_DOCUMENT = 20;

  private CorpusLoader() {}

  public static boolean isConllFile(Path path) {
    String name = path.getFileName().toString();
    return Files.isRegularFile(path) && ConllReader.EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  /**
   * @param mentionTypes for CAS input, the UIMA types read as mentions (empty: every IdentifiedAnnotation)
   */
  public static Loaded load(Path path, List<String> mentionTypes) throws IOException, UIMAException {
    if (!Files.exists(path)) {
      throw new CorpusFormatException(path, "", "no such file or folder");
    }
    boolean conll = isConllFile(path);
    CorpusFormatReader reader = conll
        ? new ConllReader(DEFAULT_SENTENCES_PER_DOCUMENT)
        : new CasCorpusReader(mentionTypes);
    List<Document> documents = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    reader.read(path, new DocumentSink() {
      @Override
      public void accept(Document document) {
        documents.add(document);
      }

      @Override
      public void failed(String source, String message, int sentences) {
        problems.add("skipped " + source + ": " + message);
      }
    }, new ConversionReport());
    return new Loaded(documents, problems, conll);
  }
}
