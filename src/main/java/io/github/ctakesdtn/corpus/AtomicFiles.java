package io.github.ctakesdtn.corpus;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes a file through a temporary sibling renamed into place, so a crash never leaves half a file. */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** What writes the content. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Names of the temporaries {@link #write} makes: "." + target name + random digits + ".tmp". */
  private static final Pattern TEMPORARY = Pattern.compile("\\.(.+\\D)\\d+\\.tmp");

  /**
   * A name of the form {@link #write} gives its temporaries, for writers elsewhere (a Hadoop file
   * system), so that a local rerun recognises and removes what they leave behind.
   */
  public static String temporaryName(String targetName) {
    return "." + targetName + Long.toUnsignedString(RANDOM.nextLong()) + ".tmp";
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Deletes, under {@code dir}, the temporaries of writes that never finished (the process was
   * killed before the rename). Returns how many were deleted. Run it only where no other process
   * is writing.
   */
  public static int removeStaleTemporaries(Path dir) throws IOException {
    return removeStaleTemporaries(dir, target -> true);
  }

  /**
   * The same for the temporaries of the targets {@code ours} accepts only, where other processes
   * write other targets in the same folder at the same time ({@code annotate --shard}).
   */
  public static int removeStaleTemporaries(Path dir, Predicate<Path> ours) throws IOException {
    int removed = 0;
    for (Path file : TextFiles.listFiles(dir, ".tmp")) {
      Matcher temporary = TEMPORARY.matcher(file.getFileName().toString());
      if (temporary.matches() && ours.test(file.resolveSibling(temporary.group(1))) && Files.deleteIfExists(file)) {
        removed++;
      }
    }
    return removed;
  }

  /**
   * Deletes the temporaries that writes of {@code target} left behind when the process was killed
   * before the rename; returns how many. Run it only where no other process writes that file.
   */
  public static int removeStaleTemporariesOf(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    Pattern own = Pattern.compile(Pattern.quote("." + target.getFileName()) + "\\d+\\.tmp");
    int removed = 0;
    try (var files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (own.matcher(file.getFileName().toString()).matches() && Files.deleteIfExists(file)) {
          removed++;
        }
      }
    }
    return removed;
  }

  public static void write(Path target, Content content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
        content.writeTo(out);
      }
      // Temporary files are private (rw-------); the result gets the usual rw-r--r--.
      if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
