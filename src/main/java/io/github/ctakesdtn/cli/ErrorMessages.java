package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.corpus.CorpusFormatException;

/** The line a command prints for a document it had to skip. */
final class ErrorMessages {
  private ErrorMessages() {}

  /** A bad-input message names its place; otherwise the innermost cause says the most. */
  static String rootMessage(Throwable e) {
    String message = e.getClass().getSimpleName();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CorpusFormatException) {
        return t.getMessage();
      }
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message;
  }

  /** "FILE: message", unless the message (a bad-input one) already names the file. */
  static String withSource(String source, String message) {
    return message.contains(source) ? message : source + ": " + message;
  }
}
