package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.corpus.CorpusFormatException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** The line a command prints for a document it had to skip. */
public final class ErrorMessages {
  private ErrorMessages() {}

  /**
   * A bad-input message names its place; a file-system error is spelled out (Java's own message
   * is the bare path); otherwise the innermost cause says the most.
   */
  public static String rootMessage(Throwable e) {
    String message = e.getClass().getSimpleName();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CorpusFormatException) {
        return t.getMessage();
      }
      if (t instanceof FileSystemException fs) {
        return (fs.getFile() != null ? fs.getFile() + ": " : "") + reason(fs);
      }
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message;
  }

  /**
   * The line a failed command prints: the command's own message, unless a bad-input or
   * file-system error inside it says more.
   */
  public static String forCommand(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CorpusFormatException || t instanceof FileSystemException) {
        return rootMessage(e);
      }
    }
    return e.getMessage() != null ? e.getMessage() : rootMessage(e);
  }

  /** What went wrong with a file, in words, without the path. */
  static String reason(Throwable e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file of that name is in the way";
    }
    if (e instanceof FileSystemException fs) {
      return fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** "FILE: message", unless the message (a bad-input one) already names the file. */
  public static String withSource(String source, String message) {
    return message.contains(source) ? message : source + ": " + message;
  }
}
