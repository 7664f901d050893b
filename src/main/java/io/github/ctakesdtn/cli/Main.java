package io.github.ctakesdtn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one command-line entry point: {@code java -jar ctakes-dtn.jar <command> [options]}. */
@Command(
    name = "ctakes-dtn",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Transfer-learned neural named-entity recognition for Apache cTAKES.",
    subcommands = {AnnotateCommand.class, ConvertCommand.class, TrainCommand.class, TagCommand.class,
        SearchCommand.class, EvaluateCommand.class, ReportCommand.class, BenchmarkCommand.class, VectorsCommand.class,
        MigrateCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command and returns its exit code (0 success, 1 failure or skipped documents, 2 usage). */
  public static int run(String... args) {
    Logging.quiet();
    return new CommandLine(new Main())
        // The docs spell enum values in lower case (--discontinuous extent), as for --format.
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + ErrorMessages.forCommand(e));
          if (Boolean.getBoolean("ctakesdtn.stacktrace")) {
            e.printStackTrace(commandLine.getErr());
          }
          return 1;
        })
        .execute(args);
  }
}
