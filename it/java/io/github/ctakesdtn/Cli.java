package io.github.ctakesdtn;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged command line, {@code java -jar target/ctakes-dtn.jar ...}, as a user would. */
final class Cli {
  /** What a run printed and returned. */
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private Cli() {}

  static Path jar() {
    Path jar = Path.of(System.getProperty("ctakesdtn.jar", "target/ctakes-dtn.jar"));
    assertTrue("run `mvn package` first: " + jar, Files.isRegularFile(jar));
    return jar;
  }

  static Result run(Path workDir, String... args) throws IOException, InterruptedException {
    return launch(workDir, List.of("-jar", jar().toAbsolutePath().toString()), args);
  }

  /** Runs a main class on a classpath of our choosing. */
  static Result runClass(Path workDir, String classpath, String mainClass, String... args)
      throws IOException, InterruptedException {
    return launch(workDir, List.of("-cp", classpath, mainClass), args);
  }

  private static Result launch(Path workDir, List<String> javaArgs, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaArgs);
    command.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, "stdout", ".txt");
    Path err = Files.createTempFile(workDir, "stderr", ".txt");
    Process process = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Runs a command that must succeed. */
  static Result ok(Path workDir, String... args) throws IOException, InterruptedException {
    Result result = run(workDir, args);
    if (result.exitCode() != 0) {
      throw new AssertionError("expected success: " + String.join(" ", args) + "\n" + result);
    }
    return result;
  }
}
