package io.github.ctakesdtn.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ProgressBar;
import org.junit.Test;

public class ProgressTest {
  @Test
  public void withoutATerminalProgressComesAsLinesWithDoneTotalRateAndTimeLeft() throws Exception {
    // The tests run without a console, as a batch job does.
    assertTrue(System.console() == null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    System.setProperty(Progress.SECONDS_PROPERTY, "1");
    try (ProgressBar bar = Progress.start("annotating", 200, " notes", out)) {
      bar.stepTo(50);
      bar.setExtraMessage("2 failed");
      Thread.sleep(1_500);
    } finally {
      System.clearProperty(Progress.SECONDS_PROPERTY);
    }
    String log = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(log, log.matches("(?s)annotating: 50/200 notes \\(25%\\), \\d+\\.\\d notes/s, elapsed 0m0\\ds,"
        + " about \\dm\\d\\ds left; 2 failed\n.*"));
    assertTrue("no bar drawing in a log: " + log, !log.contains("\r") && !log.contains("["));
  }

  @Test
  public void logLinesComeNoOftenerThanTheInterval() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress.LogLines lines = new Progress.LogLines(new PrintStream(bytes, true, StandardCharsets.UTF_8), 60_000);
    lines.accept("first");
    lines.accept("second");
    assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    Progress.LogLines every = new Progress.LogLines(new PrintStream(bytes, true, StandardCharsets.UTF_8), 0);
    every.accept("first");
    every.accept("second");
    assertEquals("first\nsecond\n", bytes.toString(StandardCharsets.UTF_8));
  }
}
