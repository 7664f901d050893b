package io.github.ctakesdtn;

import io.github.ctakesdtn.corpus.TokenSpan;
import io.github.ctakesdtn.model.LabeledSentence;
import java.util.Arrays;
import java.util.List;

/** Labelled sentences as CoNLL text (token TAB IOB2 tag, a blank line after each sentence), for tests to write. */
final class ConllText {
  private ConllText() {}

  static String of(List<LabeledSentence> sentences) {
    StringBuilder out = new StringBuilder();
    for (LabeledSentence sentence : sentences) {
      String[] tags = new String[sentence.tokens().size()];
      Arrays.fill(tags, "O");
      for (TokenSpan span : sentence.spans()) {
        for (int i = span.first(); i < span.end(); i++) {
          tags[i] = (i == span.first() ? "B-" : "I-") + span.label();
        }
      }
      for (int i = 0; i < tags.length; i++) {
        out.append(sentence.tokens().get(i)).append('\t').append(tags[i]).append('\n');
      }
      out.append('\n');
    }
    return out.toString();
  }
}
