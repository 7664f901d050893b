package io.github.ctakesdtn.cli;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;

/**
 * Progress of long work. On a terminal, a progress bar redrawn in place. When standard output is not a
 * terminal (nohup, a batch scheduler, cron, a pipe), where a redrawn bar would be noise or nothing,
 * a plain line every {@link #intervalSeconds} seconds instead: done/total, rate, elapsed, time left.
 * Both come from the same progress-bar library, which keeps the counts and times; only the drawing differs.
 */
final class Progress {
  /** System property: seconds between progress lines in a log (default {@value #DEFAULT_SECONDS}). */
  static final String SECONDS_PROPERTY = "ctakesdtn.progressSeconds";
  static final int DEFAULT_SECONDS = 30;

  private Progress() {}

  static boolean interactive() {
    return System.console() != null;
  }

  static long intervalSeconds() {
    return Math.max(1, Long.getLong(SECONDS_PROPERTY, DEFAULT_SECONDS));
  }

  /**
   * A progress bar on a terminal, or progress lines on {@code out} otherwise.
   *
   * @param unit what is counted, with a leading space (" notes")
   */
  static ProgressBar start(String task, long total, String unit, PrintStream out) {
    ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
        .setUnit(unit, 1).showSpeed();
    if (interactive()) {
      return builder.setStyle(ProgressBarStyle.ASCII).continuousUpdate().build();
    }
    // The library refreshes every second; the consumer prints one line per interval at most.
    return builder.setUpdateIntervalMillis(1000).continuousUpdate()
        .setRenderer((state, width) -> line(state, unit))
        .setConsumer(new LogLines(out, intervalSeconds() * 1000)).build();
  }

  /** "epoch 3: 640/1,000 sentences (64%), 45.2 sentences/s, elapsed 0m14s, about 0m08s left; loss 0.41". */
  static String line(ProgressState state, String unit) {
    long done = state.getCurrent();
    long total = state.getMax();
    double seconds = state.getTotalElapsed().toMillis() / 1000.0;
    double rate = seconds > 0 ? done / seconds : 0;
    String left = rate > 0 && total >= done
        ? "about " + ConsoleTrainingListener.duration(Math.round((total - done) / rate)) + " left"
        : "time left unknown";
    String percent = total > 0 ? String.format(" (%d%%)", Math.round(100.0 * done / total)) : "";
    String extra = state.getExtraMessage() == null || state.getExtraMessage().isEmpty() ? ""
        : "; " + state.getExtraMessage();
    return String.format("%s: %,d/%,d%s%s, %.1f%s/s, elapsed %s, %s%s", state.getTaskName(), done, total, unit,
        percent, rate, unit, ConsoleTrainingListener.duration(Math.round(seconds)), left, extra);
  }

  /** Prints a rendered line when at least {@code intervalMillis} have passed since the start or the last line. */
  static final class LogLines implements ProgressBarConsumer {
    private final PrintStream out;
    private final long intervalMillis;
    private long last = System.nanoTime();

    LogLines(PrintStream out, long intervalMillis) {
      this.out = out;
      this.intervalMillis = intervalMillis;
    }

    @Override
    public int getMaxRenderedLength() {
      return 1000;
    }

    @Override
    public synchronized void accept(String line) {
      long now = System.nanoTime();
      if (Duration.ofNanos(now - last).toMillis() >= intervalMillis) {
        last = now;
        out.println(line);
        out.flush();
      }
    }

    @Override
    public void close() {}
  }
}
