package io.github.ctakesdtn.corpus;

/**
 * Characters XML 1.0 cannot hold (controls other than tab, LF and CR; U+FFFE, U+FFFF; unpaired
 * surrogates). XMI is XML 1.0, so a text holding one cannot be written. Clinical exports often
 * hold form feeds (page breaks) and other controls, so notes get them replaced by spaces, one for
 * one, which keeps every offset.
 */
public final class XmlChars {
  private XmlChars() {}

  /** The index of the first forbidden character, or -1. */
  public static int firstForbidden(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (forbiddenAt(text, i)) {
        return i;
      }
    }
    return -1;
  }

  /** The text with each forbidden character replaced by a space (same length, same offsets). */
  public static String replaceForbidden(String text) {
    if (firstForbidden(text) < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    for (int i = 0; i < out.length(); i++) {
      if (forbiddenAt(text, i)) {
        out.setCharAt(i, ' ');
      }
    }
    return out.toString();
  }

  /** How many characters {@link #replaceForbidden} replaces. */
  public static int countForbidden(CharSequence text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      n += forbiddenAt(text, i) ? 1 : 0;
    }
    return n;
  }

  /** "U+000C" for reports. */
  public static String describe(char c) {
    return String.format("U+%04X", (int) c);
  }

  private static boolean forbiddenAt(CharSequence text, int i) {
    char c = text.charAt(i);
    if (c < 0x20) {
      return c != '\t' && c != '\n' && c != '\r';
    }
    if (c == 0xFFFE || c == 0xFFFF) {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return false;
  }
}
