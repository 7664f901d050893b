package io.github.ctakesdtn.model;

/**
 * Which task a transfer network is running: the source or the target. Mini-batches come from one
 * task at a time; the {@link TaskSelectVertex}es of the network read this switch to route the
 * batch through that task's private parameters and output.
 */
public final class TaskSwitch {
  public static final int SOURCE = 0;
  public static final int TARGET = 1;

  private volatile int task = TARGET;

  public int task() {
    return task;
  }

  public void select(int task) {
    if (task != SOURCE && task != TARGET) {
      throw new IllegalArgumentException("task must be SOURCE (0) or TARGET (1), not " + task);
    }
    this.task = task;
  }
}
