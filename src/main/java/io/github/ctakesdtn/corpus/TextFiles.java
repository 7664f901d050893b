package io.github.ctakesdtn.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Strict text-file helpers: UTF-8 only, exact (no newline or CR translation), clear errors. */
public final class TextFiles {
  private TextFiles() {}

  /**
   * The file's text exactly as stored (CRs kept, so character offsets match the file's), or an
   * error naming the byte offset and line of the first byte that is not UTF-8.
   */
  public static String readUtf8(Path file) throws IOException {
    return decodeUtf8(Files.readAllBytes(file), file.toString());
  }

  /** {@link #readUtf8} for bytes read elsewhere (a Hadoop file system); {@code source} names them in errors. */
  public static String decodeUtf8(byte[] bytes, String source) throws CorpusFormatException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      throw new CorpusFormatException(source, "byte " + offset + " (line " + lineAt(bytes, offset) + ")",
          "not valid UTF-8 (convert the file to UTF-8 first)", null);
    }
    decoder.flush(out);
    String text = out.flip().toString();
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1); // a byte-order mark is not text
    }
    return text;
  }

  /** Does the file start with a UTF-8 byte-order mark (which {@link #readUtf8} leaves out of the text)? */
  public static boolean startsWithByteOrderMark(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(3);
      return head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
    }
  }

  /** Like {@link #readUtf8} but refuses an empty (or whitespace-only) file. */
  public static String readNonEmptyUtf8(Path file) throws IOException {
    String text = readUtf8(file);
    if (text.isBlank()) {
      throw new CorpusFormatException(file, "", "the file is empty");
    }
    return text;
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Regular files under {@code dir} whose names end with {@code suffix}, sorted by path. */
  public static List<Path> listFiles(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** A note that annotate and vectors read: plain text (*.txt) or a CAS file. */
  public static boolean isNote(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".txt") || CasCorpusReader.EXTENSIONS.stream().anyMatch(name::endsWith);
  }

}
