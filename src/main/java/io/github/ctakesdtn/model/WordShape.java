package io.github.ctakesdtn.model;

import java.util.Locale;

/**
 * What a word looks like, as rows of the word-shape embedding: its casing class (all lower, all
 * upper, capitalised, mixed, number, ...) and its first and last three characters (lower case,
 * hashed into buckets). These are the features a feature CRF leans on when it has little data
 * (Ratinov and Roth 2009); the network learns an embedding per row. Hashing keeps the model free of
 * an affix vocabulary: {@link String#hashCode} is specified, so rows are the same in every JVM.
 */
public final class WordShape {
  /** Casing classes (Reimers and Gurevych 2017). */
  static final int CASINGS = 8;
  /** Buckets for each of the prefix and the suffix. */
  static final int AFFIX_BUCKETS = 2048;
  static final int AFFIX_LENGTH = 3;
  /** Rows of the embedding table: casings, then prefixes, then suffixes. */
  public static final int ROWS = CASINGS + 2 * AFFIX_BUCKETS;
  /** Rows looked up per word, whose embeddings are concatenated. */
  public static final int FEATURES = 3;

  private static final int NUMBER = 0;
  private static final int MOSTLY_NUMBER = 1;
  private static final int LOWER = 2;
  private static final int UPPER = 3;
  private static final int CAPITALISED = 4;
  private static final int MIXED = 5;
  private static final int WITH_DIGIT = 6;
  private static final int OTHER = 7;

  private WordShape() {}

  /** The word's {@link #FEATURES} rows. */
  public static int[] rows(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    String prefix = lower.substring(0, Math.min(AFFIX_LENGTH, lower.length()));
    String suffix = lower.substring(Math.max(0, lower.length() - AFFIX_LENGTH));
    return new int[] {
        casing(word),
        CASINGS + Math.floorMod(prefix.hashCode(), AFFIX_BUCKETS),
        CASINGS + AFFIX_BUCKETS + Math.floorMod(suffix.hashCode(), AFFIX_BUCKETS)};
  }

  static int casing(String word) {
    int digits = 0;
    int upper = 0;
    int lower = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isDigit(c)) {
        digits++;
      } else if (Character.isUpperCase(c)) {
        upper++;
      } else if (Character.isLowerCase(c)) {
        lower++;
      }
    }
    int n = word.length();
    if (n > 0 && digits == n) {
      return NUMBER;
    }
    if (n > 0 && digits > n / 2) {
      return MOSTLY_NUMBER;
    }
    if (digits > 0) {
      return WITH_DIGIT;
    }
    if (upper == 0 && lower > 0) {
      return LOWER;
    }
    if (lower == 0 && upper > 0) {
      return UPPER;
    }
    if (upper > 0 && Character.isUpperCase(word.charAt(0)) && upper == 1) {
      return CAPITALISED;
    }
    return upper > 0 ? MIXED : OTHER;
  }
}
