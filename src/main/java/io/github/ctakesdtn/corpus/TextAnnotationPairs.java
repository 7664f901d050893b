package io.github.ctakesdtn.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.uima.analysis_engine.AnalysisEngineProcessException;

/**
 * Standoff corpora: every {@code NAME.txt} of a folder with its {@code NAME.<extension>}
 * annotation file. Each pair is read into a document; a pair that cannot be (a missing annotation
 * file, a bad line, an empty or non-UTF-8 text) is reported to the sink and skipped, and so is an
 * annotation file with no text beside it. Characters XML 1.0 forbids are replaced by spaces
 * (offsets kept) and counted.
 */
final class TextAnnotationPairs {
  /** Reads one pair: the document id, its text as stored, and the annotation file. */
  interface PairReader {
    Document read(String id, String text, Path annotationFile) throws IOException, AnalysisEngineProcessException;
  }

  static final String REPLACED = "replaced: characters XML 1.0 forbids (by spaces, offsets kept)";

  private TextAnnotationPairs() {}

  static void read(Path input, String extension, String format, DocumentSink sink, ConversionReport report,
      PairReader reader) throws IOException {
    if (!Files.isDirectory(input)) {
      throw new CorpusFormatException(input, "", format + " input must be a folder of NAME.txt + NAME" + extension
          + " pairs");
    }
    for (Path textFile : TextFiles.listFiles(input, ".txt")) {
      String id = DocumentIds.of(input, textFile);
      String name = textFile.getFileName().toString();
      Path annotationFile = textFile.resolveSibling(name.substring(0, name.length() - ".txt".length()) + extension);
      try {
        if (!Files.exists(annotationFile)) {
          throw new CorpusFormatException(annotationFile, "", "missing (every NAME.txt needs a NAME" + extension + ")");
        }
        String text = TextFiles.readNonEmptyUtf8(textFile);
        report.count(REPLACED, XmlChars.countForbidden(text));
        sink.accept(reader.read(id, XmlChars.replaceForbidden(text), annotationFile));
      } catch (IOException | AnalysisEngineProcessException e) {
        sink.failed(id, e.getMessage(), 0);
      } catch (RuntimeException e) {
        // A reader bug must cost one document, not the batch; the message still names the files.
        sink.failed(id, textFile + " + " + annotationFile.getFileName() + ": cannot be read (" + e + ")", 0);
      }
    }
    for (Path annotationFile : TextFiles.listFiles(input, extension)) {
      Path textFile = annotationFile.resolveSibling(
          annotationFile.getFileName().toString().replaceFirst("\\.[^.]*$", "") + ".txt");
      if (!Files.exists(textFile)) {
        sink.failed(DocumentIds.of(input, annotationFile), annotationFile + ": no " + textFile.getFileName()
            + " beside it, so its annotations were not read", 0);
      }
    }
  }
}
