package io.github.ctakesdtn.corpus;

import java.io.IOException;
import java.nio.file.Path;

/** Malformed input, with the file and the place in it (line, offset or feature) in the message. */
public class CorpusFormatException extends IOException {
  public CorpusFormatException(Path file, String place, String problem) {
    super(file + (place.isEmpty() ? "" : ": " + place) + ": " + problem);
  }

  public CorpusFormatException(Path file, String place, String problem, Throwable cause) {
    this(String.valueOf(file), place, problem, cause);
  }

  /** For a source that is not a local file, e.g. a note on HDFS or S3 named by its URI. */
  public CorpusFormatException(String source, String place, String problem, Throwable cause) {
    super(source + (place.isEmpty() ? "" : ": " + place) + ": " + problem, cause);
  }
}
