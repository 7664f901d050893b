package io.github.ctakesdtn.cli;

/**
 * Points Log4j 2 at this project's configuration (warnings and errors only) before any library
 * logs, so cTAKES' and ND4J's start-up chatter stays off the screen. A user's own
 * {@code -Dlog4j2.configurationFile} wins.
 */
public final class Logging {
  static final String CONFIGURATION = "ctakes-dtn-log4j2.xml";

  private Logging() {}

  public static void quiet() {
    // JavaCPP prints its native-library loading to stderr unless sent through SLF4J (and so Log4j).
    if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
      System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
    }
    if (System.getProperty("log4j2.configurationFile") == null && System.getProperty("log4j.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", CONFIGURATION);
    }
  }
}
