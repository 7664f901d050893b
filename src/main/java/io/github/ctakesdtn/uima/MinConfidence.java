package io.github.ctakesdtn.uima;

/**
 * The confidence threshold as the annotator receives it: text, since piper files cannot pass a
 * floating-point parameter ({@code minConfidence=0.5} arrives as the String "0.5").
 */
public final class MinConfidence {
  private MinConfidence() {}

  /**
   * @param name the parameter or option name, for the error message
   * @return the threshold, from 0 to 1
   * @throws IllegalArgumentException when the text is not a number from 0 to 1
   */
  public static double parse(String name, String text) {
    double value;
    try {
      value = Double.parseDouble(text == null ? "" : text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number from 0 to 1, got '" + text + "'");
    }
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be a number from 0 to 1, got " + text);
    }
    return value;
  }
}
