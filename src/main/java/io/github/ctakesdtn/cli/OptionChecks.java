package io.github.ctakesdtn.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Option values picocli's types cannot rule out: refused as usage errors (exit code 2). */
final class OptionChecks {
  private OptionChecks() {}

  static void atLeast(CommandSpec spec, String option, int value, int minimum) {
    if (value < minimum) {
      throw tooSmall(spec, option, value, minimum);
    }
  }

  static void atLeast(CommandSpec spec, String option, double value, double minimum) {
    if (value < minimum) {
      throw tooSmall(spec, option, value, minimum);
    }
  }

  static void within(CommandSpec spec, String option, double value, double minimum, double maximum) {
    if (!(value >= minimum && value <= maximum)) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '" + option + "': " + value + " (must be from " + minimum + " to " + maximum + ")");
    }
  }

  private static ParameterException tooSmall(CommandSpec spec, String option, Number value, Number minimum) {
    return new ParameterException(spec.commandLine(),
        "Invalid value for option '" + option + "': " + value + " (must be at least " + minimum + ")");
  }
}
