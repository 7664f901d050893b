package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.corpus.AtomicFiles;
import io.github.ctakesdtn.corpus.CorpusFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Checks on a command's input and output paths, made before any work so that a run fails at once
 * with the path and the reason, not after its first document or epoch.
 */
final class CommandPaths {
  private CommandPaths() {}

  /** The input must exist. */
  static void requireExisting(Path input, String option) throws CorpusFormatException {
    if (!Files.exists(input)) {
      throw new CorpusFormatException(input, "", "no such file or folder (" + option + ")");
    }
  }

  /** The input must be a folder. */
  static void requireFolder(Path input, String option) throws CorpusFormatException {
    requireExisting(input, option);
    if (!Files.isDirectory(input)) {
      throw new CorpusFormatException(input, "", "not a folder (" + option + " takes a folder)");
    }
  }

  /**
   * Makes the output folder if needed, proves it writable by writing a file there, and removes
   * temporary files a killed run left behind. Returns how many were removed.
   */
  static int prepareOutputFolder(Path output, String option) throws IOException {
    return prepareOutputFolder(output, option, target -> true);
  }

  /** The same, removing only the temporaries of the files {@code ours} accepts (see {@link NoteShard#outputsOf}). */
  static int prepareOutputFolder(Path output, String option, Predicate<Path> ours) throws IOException {
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw new CorpusFormatException(output, "", "not a folder (" + option + " takes a folder)");
    }
    try {
      Files.createDirectories(output);
      Files.delete(Files.createTempFile(output, ".write-check", ".tmp"));
    } catch (IOException e) {
      throw new CorpusFormatException(output, "", "cannot write there (" + option + "): "
          + ErrorMessages.reason(e), e);
    }
    return AtomicFiles.removeStaleTemporaries(output, ours);
  }

  /**
   * An output file (a model): not a folder, and its folder made and proven writable, so a
   * training run cannot fail only when it first saves, after an epoch or more.
   */
  static void requireWritableFile(Path file, String option) throws IOException {
    if (Files.isDirectory(file)) {
      throw new CorpusFormatException(file, "", "is a folder (" + option + " takes a file name)");
    }
    Path folder = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(folder);
      Files.delete(Files.createTempFile(folder, ".write-check", ".tmp"));
    } catch (IOException e) {
      throw new CorpusFormatException(file, "", "cannot be written (" + option + "): " + ErrorMessages.reason(e), e);
    }
  }

  /** Whether {@code path} is {@code folder} or lies under it (paths compared as absolute, normalised). */
  static boolean isWithin(Path path, Path folder) {
    return path.toAbsolutePath().normalize().startsWith(folder.toAbsolutePath().normalize());
  }

  /** The output folder of a command reading notes must not be its input folder. */
  static void requireApart(Path input, Path output) throws CorpusFormatException {
    if (isWithin(input, output) && isWithin(output, input) || sameFile(input, output)) {
      throw new CorpusFormatException(output, "", "--out is the --in folder: outputs would overwrite or mix with"
          + " the notes; choose another folder");
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }
}
