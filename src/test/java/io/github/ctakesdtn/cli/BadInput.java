package io.github.ctakesdtn.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Test helper for the bad-input suites: files written by the test itself, and the checks every
 * case makes (exit code, a message naming file and place, exactly the good outputs, nothing partial).
 */
final class BadInput {
  private final Path root;

  BadInput(Path root) {
    this.root = root;
  }

  Path path(String relative) {
    return root.resolve(relative);
  }

  /** Writes a UTF-8 file under the test's folder, creating folders; returns its path as a string. */
  String write(String relative, String content) throws IOException {
    return write(relative, content.getBytes(StandardCharsets.UTF_8));
  }

  String write(String relative, byte[] content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    return file.toString();
  }

  /** The command's exit code is {@code exit} and its output holds every fragment (file names, lines ...). */
  static void assertReports(CliRun.Result result, int exit, String... fragments) {
    assertEquals(result.toString(), exit, result.exitCode());
    for (String fragment : fragments) {
      assertTrue("missing '" + fragment + "' in\n" + result, result.all().contains(fragment));
    }
  }

  /** The output folder holds exactly these files (so no partial or temporary file either). */
  void assertOutputs(String out, String... files) {
    List<String> expected = Arrays.stream(files).sorted().toList();
    assertEquals(expected, CliRun.files(root.resolve(out)));
  }
}
