package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.train.TrainingListener;
import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;

/**
 * Training progress on the console: through each epoch a progress bar on a terminal, or a line every
 * few seconds in a log ({@link Progress}), and one line per epoch (loss, dev F1, speed, time left at
 * most) in any case.
 */
class ConsoleTrainingListener implements TrainingListener {
  private final PrintStream out;
  private ProgressBar bar;

  ConsoleTrainingListener(PrintStream out) {
    this.out = out;
  }

  @Override
  public void batchDone(int epoch, int sentencesDone, int sentencesTotal, double meanLoss) {
    if (bar == null) {
      bar = Progress.start("epoch " + epoch, sentencesTotal, " sentences", out);
    }
    bar.stepTo(sentencesDone);
    bar.setExtraMessage(String.format("loss %.3f", meanLoss));
  }

  @Override
  public void startedFrom(String taken) {
    out.println("taken from it: " + taken);
  }

  @Override
  public void sourceEpochDone(int epoch, int epochs, double meanLoss, double sentencesPerSecond,
      double secondsElapsed) {
    closeBar();
    out.printf("source epoch %d/%d  loss %8.4f  %6.0f sent/s  elapsed %s%n", epoch, epochs, meanLoss,
        sentencesPerSecond, duration(Math.round(secondsElapsed)));
    out.flush();
  }

  @Override
  public void epochDone(EpochReport r) {
    closeBar();
    double secondsPerEpoch = r.secondsElapsed() / r.epoch();
    long left = Math.round(secondsPerEpoch * (r.maxEpochs() - r.epoch()));
    out.printf("epoch %3d/%d  loss %8.4f  dev F1 %6.2f%s  best %6.2f (epoch %d)  %6.0f sent/s  elapsed %s  at most %s left%n",
        r.epoch(), r.maxEpochs(), r.meanLoss(), 100 * r.devF1(), r.improved() ? "*" : " ", 100 * r.bestDevF1(),
        r.bestEpoch(), r.sentencesPerSecond(), duration(Math.round(r.secondsElapsed())), duration(left));
    out.flush();
  }

  private void closeBar() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }

  static String duration(long seconds) {
    return seconds >= 3600 ? String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60)
        : String.format("%dm%02ds", seconds / 60, seconds % 60);
  }
}
