package io.github.ctakesdtn.model;

import java.util.Locale;

/** The two tasks of transfer learning; a single-task network has the target task only. */
public enum Task {
  SOURCE,
  TARGET;

  /** The name of the task's private copies and gates in tensor names ({@code source}, {@code target}). */
  public String copy() {
    return name().toLowerCase(Locale.ROOT);
  }
}
