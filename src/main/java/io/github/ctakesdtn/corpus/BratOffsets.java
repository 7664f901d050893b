package io.github.ctakesdtn.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a BRAT mention's offsets against its text column, so wrong offsets cannot label the wrong
 * words. brat itself counts offsets in code points, Java in UTF-16 units: the two differ after a
 * character outside the Basic Multilingual Plane (an emoji, a rare CJK character). Offsets that
 * match the text column only when read as code points are converted (and counted), and so are
 * offsets that count a byte-order mark at the start of the .txt file as a character (brat reads the
 * file without removing it; MEDDOCAN has such files); offsets that match no way are an error naming
 * the file and line.
 */
final class BratOffsets {
  static final String CONVERTED = "converted: code-point offsets (brat's counting) to UTF-16";
  static final String UNCHECKED = "unchecked: T line without a text column";
  static final String AFTER_MARK = "converted: offsets counting the .txt file's byte-order mark";

  private BratOffsets() {}

  /**
   * The fragments as UTF-16 offsets into {@code text}.
   *
   * @param byteOrderMark the .txt file began with a byte-order mark, left out of {@code text}
   * @param column the T line's text column (fragments joined by a space), or null when absent
   */
  static List<Mention> check(java.nio.file.Path annFile, String place, String text, boolean byteOrderMark,
      List<Mention> fragments, String column, ConversionReport report) throws CorpusFormatException {
    boolean outsideBmp = text.length() != text.codePointCount(0, text.length());
    if (column == null) {
      if (outsideBmp) {
        throw new CorpusFormatException(annFile, place, "no text column, and the text holds characters outside"
            + " the BMP, so it cannot be told whether the offsets count UTF-16 units or code points");
      }
      report.count(UNCHECKED);
      return fragments;
    }
    if (matches(text, fragments, column)) {
      return fragments;
    }
    if (outsideBmp) {
      List<Mention> converted = fromCodePoints(text, fragments);
      if (converted != null && matches(text, converted, column)) {
        report.count(CONVERTED);
        return converted;
      }
    }
    if (byteOrderMark) {
      List<Mention> shifted = afterMark(fragments);
      if (shifted != null && matches(text, shifted, column)) {
        report.count(AFTER_MARK);
        return shifted;
      }
    }
    Mention first = fragments.get(0);
    throw new CorpusFormatException(annFile, place, "offsets " + first.begin() + "-" + first.end()
        + (fragments.size() > 1 ? " ..." : "") + " cover '" + covered(text, fragments)
        + "' but the text column says '" + column + "' (the .ann does not belong to this .txt, or was made"
        + " from another version of it)");
  }

  private static boolean matches(String text, List<Mention> fragments, String column) {
    return normalize(covered(text, fragments)).equals(normalize(column));
  }

  private static String covered(String text, List<Mention> fragments) {
    StringBuilder out = new StringBuilder();
    for (Mention fragment : fragments) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(text, fragment.begin(), fragment.end());
    }
    return out.toString();
  }

  /** brat writes line breaks inside a mention as spaces; compare with whitespace runs collapsed. */
  private static String normalize(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }

  private static List<Mention> afterMark(List<Mention> fragments) {
    List<Mention> shifted = new ArrayList<>();
    for (Mention fragment : fragments) {
      if (fragment.begin() < 1) {
        return null;
      }
      shifted.add(new Mention(fragment.begin() - 1, fragment.end() - 1, fragment.label()));
    }
    return shifted;
  }

  private static List<Mention> fromCodePoints(String text, List<Mention> fragments) {
    int codePoints = text.codePointCount(0, text.length());
    List<Mention> converted = new ArrayList<>();
    for (Mention fragment : fragments) {
      if (fragment.end() > codePoints) {
        return null;
      }
      converted.add(new Mention(text.offsetByCodePoints(0, fragment.begin()),
          text.offsetByCodePoints(0, fragment.end()), fragment.label()));
    }
    return converted;
  }
}
