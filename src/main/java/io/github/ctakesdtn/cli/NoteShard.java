package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.corpus.DocumentIds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Predicate;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code annotate --shard K/N}: the K-th of N disjoint parts of the notes, for users who fan a
 * corpus out over machines or batch jobs. A note belongs to part
 * {@code 1 + (first 8 bytes of SHA-256(document id), unsigned) mod N}, where the document id is
 * the note's path under {@code --in} without its extension: the same on every machine, in every
 * run, whatever else the folder holds, so N jobs with K = 1..N annotate every note exactly once.
 */
record NoteShard(int index, int count) {
  NoteShard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N, got " + index + "/" + count);
    }
  }

  /** Whether the note with this document id is in this shard. */
  boolean contains(String documentId) {
    return Long.remainderUnsigned(hash(documentId), count) == index - 1;
  }

  /**
   * Which files under the output folder this shard writes (the XMI and exports of its own notes),
   * so that its start-up clean-up of temporaries left by a killed run never deletes a file that a
   * shard running at the same time is writing. Without a shard, every file is ours.
   */
  static Predicate<Path> outputsOf(NoteShard shard, Path output) {
    return shard == null ? target -> true
        : target -> shard.contains(idUnder(output, target));
  }

  private static String idUnder(Path output, Path target) {
    Path relative = output.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize());
    return DocumentIds.ofRelativePath(relative.toString().replace('\\', '/'));
  }

  static long hash(String documentId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(documentId.getBytes(StandardCharsets.UTF_8));
      long value = 0;
      for (int i = 0; i < Long.BYTES; i++) {
        value = (value << 8) | (digest[i] & 0xFF);
      }
      return value;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }

  /** Parses {@code K/N} for picocli, with a message that says what is wrong. */
  static final class Converter implements ITypeConverter<NoteShard> {
    @Override
    public NoteShard convert(String value) {
      String[] parts = value.trim().split("/", -1);
      try {
        if (parts.length == 2) {
          return new NoteShard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        }
      } catch (NumberFormatException e) {
        // the message below says what is expected
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "': " + e.getMessage());
      }
      throw new TypeConversionException("'" + value + "' is not K/N (e.g. 2/8: the second of eight shards)");
    }
  }
}
