package io.github.ctakesdtn.uima;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds section headers in a note ("CHIEF COMPLAINT:", "Medications:", "VITAL SIGNS" alone on a
 * line), so that the annotator does not report them as mentions: a tagger trained on criteria or
 * abstracts reads "ALLERGIES" as a disorder and "LABS" as a lab test.
 *
 * <p>A header is the text at the start of a line up to a colon, or a whole line in capitals, made
 * of letters, spaces and {@code / & -} only, every word of which is a word of the section names cTAKES' own
 * regex sectionizer knows (its {@code DefaultSectionRegex.bsv} and {@code SameLineSectionRegex.bsv}
 * in ctakes-core: HISTORY, PRESENT, ILLNESS, MEDICATIONS, ALLERGIES, VITAL, SIGNS, LABS, PLAN, ...).
 * Requiring every word to be a section word keeps a problem-list label ("COPD: stable",
 * "CORONARY ARTERY DISEASE:") a mention, and "Creatinine: 1.2" a lab; requiring a colon or
 * capitals keeps a criterion line such as "Pregnancy" (a section word: "Current Pregnancy") one.
 */
public final class SectionHeaders {
  private static final String[] CTAKES_SECTION_FILES = {
      "org/apache/ctakes/core/sections/DefaultSectionRegex.bsv",
      "org/apache/ctakes/core/sections/SameLineSectionRegex.bsv"};
  /** Line-start text (group 1) before a colon or the line's end (group 2 is the colon, if any). */
  private static final Pattern CANDIDATE = Pattern.compile("(?m)^[ \\t]*([A-Za-z][A-Za-z /&-]*?)[ \\t]*(:|$)");
  private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
  /** Words of the section names, and the literal upper-case words of their regular expressions. */
  private static final Pattern SECTION_WORD = Pattern.compile("\\b[A-Z][A-Za-z]+\\b");

  private final Set<String> sectionWords;

  SectionHeaders(Set<String> sectionWords) {
    this.sectionWords = Set.copyOf(sectionWords);
  }

  /** Read on first use: the class loader runs this once, thread-safely. */
  private static final class Ctakes {
    static final SectionHeaders HEADERS = new SectionHeaders(readCtakesSectionWords());
  }

  /** The headers of cTAKES' section lists, read once from ctakes-core. */
  public static SectionHeaders ctakes() {
    return Ctakes.HEADERS;
  }

  /** The headers of {@code text}, as [begin, end) character spans in order. */
  public List<int[]> find(String text) {
    List<int[]> headers = new ArrayList<>();
    Matcher candidate = CANDIDATE.matcher(text);
    while (candidate.find()) {
      String words = candidate.group(1);
      boolean colon = !candidate.group(2).isEmpty();
      if ((colon || words.equals(words.toUpperCase(Locale.ROOT))) && allSectionWords(words)) {
        headers.add(new int[] {candidate.start(1), candidate.end(1)});
      }
    }
    return headers;
  }

  /** Whether [begin, end) overlaps one of {@code headers} (as {@link #find} returns them). */
  public static boolean overlapsAny(List<int[]> headers, int begin, int end) {
    for (int[] header : headers) {
      if (begin < header[1] && header[0] < end) {
        return true;
      }
    }
    return false;
  }

  private boolean allSectionWords(String candidate) {
    Matcher word = WORD.matcher(candidate);
    boolean any = false;
    while (word.find()) {
      if (!sectionWords.contains(word.group().toUpperCase(Locale.ROOT))) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static Set<String> readCtakesSectionWords() {
    Set<String> words = new HashSet<>();
    for (String file : CTAKES_SECTION_FILES) {
      try (InputStream in = SectionHeaders.class.getClassLoader().getResourceAsStream(file)) {
        if (in == null) {
          throw new IllegalStateException(file + " is not on the class path: ctakes-core is missing");
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.startsWith("//") || !line.contains("||")) {
            continue;
          }
          Matcher word = SECTION_WORD.matcher(line);
          while (word.find()) {
            words.add(word.group().toUpperCase(Locale.ROOT));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(file + ": cannot read cTAKES' section list", e);
      }
    }
    return words;
  }
}
