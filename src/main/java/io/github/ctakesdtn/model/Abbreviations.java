package io.github.ctakesdtn.model;

import io.github.ctakesdtn.corpus.TokenSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mentions for the abbreviations a document defines. Where a tagged mention is the long form of a
 * short form in parentheses after it ("ataxia telangiectasia ( A - T )", matched as Schwartz and
 * Hearst 2003 match them: the short form's letters and digits found in order in the long form, the
 * first at the start of its first word), every occurrence of the short form in the document that
 * no mention covers becomes a mention with the long form's label and confidence. The tagger sees one
 * sentence at a time, so an abbreviation far from its definition is often missed: this adds 0.2-1.0
 * exact-span F1 on PubMed abstracts and nothing on trial criteria, which seldom define abbreviations
 * (docs/benchmarks.md).
 */
public final class Abbreviations {
  /** Short forms longer than this, letters and digits and symbols without spaces, are not abbreviations. */
  static final int MAX_SHORT_FORM_CHARACTERS = 10;
  /** Short forms of more tokens than this ("A - T" is three) are not abbreviations. */
  static final int MAX_SHORT_FORM_TOKENS = 5;

  private Abbreviations() {}

  /** A defined short form: its tokens, and the label and confidence of its long form's mention. */
  private record Definition(List<String> shortForm, String label, double confidence) {}

  /**
   * The document's mentions, sentence by sentence, with those of its defined short forms added.
   *
   * @param sentences the document's sentences' tokens, in order
   * @param tagged the mentions tagged in each sentence, in token order
   */
  public static List<List<TaggedSpan>> propagate(List<List<String>> sentences, List<List<TaggedSpan>> tagged) {
    Map<List<String>, Definition> definitions = new LinkedHashMap<>();
    for (int s = 0; s < sentences.size(); s++) {
      for (Definition definition : definitions(sentences.get(s), tagged.get(s))) {
        definitions.putIfAbsent(definition.shortForm(), definition);
      }
    }
    if (definitions.isEmpty()) {
      return tagged;
    }
    List<List<TaggedSpan>> result = new ArrayList<>(tagged.size());
    for (int s = 0; s < sentences.size(); s++) {
      result.add(withShortForms(sentences.get(s), tagged.get(s), definitions.values()));
    }
    return result;
  }

  /** The short forms this sentence defines after a tagged long form. */
  private static List<Definition> definitions(List<String> tokens, List<TaggedSpan> spans) {
    List<Definition> found = new ArrayList<>();
    for (int open = 1; open < tokens.size(); open++) {
      if (!tokens.get(open).equals("(")) {
        continue;
      }
      int close = open + 1;
      while (close < tokens.size() && close - open <= MAX_SHORT_FORM_TOKENS && !tokens.get(close).equals(")")) {
        close++;
      }
      if (close >= tokens.size() || close == open + 1 || !tokens.get(close).equals(")")) {
        continue;
      }
      List<String> shortForm = tokens.subList(open + 1, close);
      String letters = String.join("", shortForm);
      if (!isShortForm(letters)) {
        continue;
      }
      int longFormTokens = longFormTokens(tokens.subList(0, open), letters);
      for (TaggedSpan span : spans) {
        if (longFormTokens > 0 && span.span().first() == open - longFormTokens && span.span().end() == open) {
          found.add(new Definition(List.copyOf(shortForm), span.span().label(), span.confidence()));
        }
      }
    }
    return found;
  }

  private static boolean isShortForm(String text) {
    return text.length() <= MAX_SHORT_FORM_CHARACTERS && Character.isLetterOrDigit(text.charAt(0))
        && text.chars().anyMatch(Character::isUpperCase);
  }

  /**
   * How many of the last tokens of {@code before} the short form abbreviates: the fewest, among at most
   * min(|short form| + 5, 2 |short form|), that hold its letters and digits in order with the first at
   * a word's start (Schwartz and Hearst's algorithm); 0 when they do not.
   */
  static int longFormTokens(List<String> before, String shortForm) {
    int window = Math.min(shortForm.length() + 5, 2 * shortForm.length());
    List<String> candidates = before.subList(Math.max(0, before.size() - window), before.size());
    String text = String.join(" ", candidates);
    int s = shortForm.length() - 1;
    int l = text.length() - 1;
    while (s >= 0) {
      char c = Character.toLowerCase(shortForm.charAt(s));
      if (!Character.isLetterOrDigit(c)) {
        s--;
        continue;
      }
      while (l >= 0 && (Character.toLowerCase(text.charAt(l)) != c
          || (s == 0 && l > 0 && Character.isLetterOrDigit(text.charAt(l - 1))))) {
        l--;
      }
      if (l < 0) {
        return 0;
      }
      l--;
      s--;
    }
    int start = text.lastIndexOf(' ', l) + 1;
    int offset = 0;
    for (int t = 0; t < candidates.size(); t++) {
      if (offset == start) {
        return candidates.size() - t;
      }
      offset += candidates.get(t).length() + 1;
    }
    return 0; // the match began inside a token that holds a space
  }

  /** The sentence's mentions and every occurrence of a defined short form that none of them overlaps. */
  private static List<TaggedSpan> withShortForms(List<String> tokens, List<TaggedSpan> spans,
      Iterable<Definition> definitions) {
    List<TaggedSpan> result = new ArrayList<>(spans);
    for (Definition definition : definitions) {
      int length = definition.shortForm().size();
      for (int first = 0; first + length <= tokens.size(); first++) {
        if (tokens.subList(first, first + length).equals(definition.shortForm()) && !overlaps(result, first, first + length)) {
          result.add(new TaggedSpan(new TokenSpan(first, first + length, definition.label()), definition.confidence()));
        }
      }
    }
    if (result.size() > spans.size()) {
      result.sort(Comparator.comparingInt(span -> span.span().first()));
    }
    return result;
  }

  private static boolean overlaps(List<TaggedSpan> spans, int first, int end) {
    return spans.stream().anyMatch(span -> span.span().first() < end && first < span.span().end());
  }
}
