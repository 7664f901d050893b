package io.github.ctakesdtn.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How the network's three parameter groups serve its tasks: C (character encoder), W (word
 * BiLSTM) and O (emissions). A group is one copy shared by the tasks, a private copy per task, or
 * (DTN) a shared copy and a private copy per task mixed by a gate per task. The word embedding is
 * always shared. The one description that training, tagging, warm start and gate statistics read.
 */
public record Routing(boolean transfer, Mode chars, Mode words, Mode emissions) {
  public enum Mode { SHARED, PRIVATE, GATED }

  /** The parameter groups, by the name they carry in tensor names and gate statistics. */
  public enum Group {
    CHARS("chars"),
    WORDS("words"),
    EMISSIONS("emissions");

    public final String label;

    Group(String label) {
      this.label = label;
    }
  }

  public static final String SHARED_COPY = "shared";

  public static Routing singleTask() {
    return new Routing(false, Mode.PRIVATE, Mode.PRIVATE, Mode.PRIVATE);
  }

  /**
   * The routing of a transfer scheme. With different label sets the output group is private, also
   * under DTN: the heads differ in width.
   */
  public static Routing of(SharingScheme scheme, boolean sameLabels) {
    if (scheme.sharedOutput() && !sameLabels) {
      throw new IllegalArgumentException("scheme " + scheme.name() + " shares the output, but the tasks have different tag sets");
    }
    if (scheme.dynamic()) {
      return new Routing(true, Mode.GATED, Mode.GATED, sameLabels ? Mode.GATED : Mode.PRIVATE);
    }
    return new Routing(true, mode(scheme.sharedChars()), mode(scheme.sharedWords()), mode(scheme.sharedOutput()));
  }

  private static Mode mode(boolean shared) {
    return shared ? Mode.SHARED : Mode.PRIVATE;
  }

  public Mode mode(Group group) {
    return switch (group) {
      case CHARS -> chars;
      case WORDS -> words;
      case EMISSIONS -> emissions;
    };
  }

  public List<Task> tasks() {
    return transfer ? List.of(Task.SOURCE, Task.TARGET) : List.of(Task.TARGET);
  }

  /** The copies of a group that exist: {@code shared}, and/or one per task. */
  public List<String> copies(Group group) {
    List<String> copies = new ArrayList<>();
    if (mode(group) != Mode.PRIVATE) {
      copies.add(SHARED_COPY);
    }
    if (mode(group) != Mode.SHARED) {
      tasks().forEach(task -> copies.add(task.copy()));
    }
    return copies;
  }
}
