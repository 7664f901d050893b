package io.github.ctakesdtn.model;

import io.github.ctakesdtn.corpus.ConversionReport;
import io.github.ctakesdtn.corpus.Document;
import io.github.ctakesdtn.corpus.Mention;
import io.github.ctakesdtn.corpus.Sentence;
import io.github.ctakesdtn.corpus.Token;
import io.github.ctakesdtn.corpus.TokenSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sentence as the tagger sees it: its token strings, its gold mentions as token spans, and the
 * tokens whose tags are left open (none in an annotated sentence; in a self-trained one those the
 * tagger was unsure of), which training sums over instead of fixing.
 */
public record LabeledSentence(List<String> tokens, List<TokenSpan> spans, List<Integer> openTokens) {
  public LabeledSentence {
    tokens = List.copyOf(tokens);
    spans = List.copyOf(spans);
    openTokens = List.copyOf(openTokens);
  }

  /** A sentence whose every tag is fixed by its mentions. */
  public LabeledSentence(List<String> tokens, List<TokenSpan> spans) {
    this(tokens, spans, List.of());
  }

  /** The token strings of a document's sentence. */
  public static List<String> tokensOf(Document document, Sentence sentence) {
    List<String> tokens = new ArrayList<>(sentence.size());
    for (Token token : sentence.tokens()) {
      tokens.add(document.coveredText(token.begin(), token.end()));
    }
    return tokens;
  }

  /**
   * Every sentence of the documents with its mentions as token spans. A mention whose edges are
   * not token edges, or that overlaps an earlier one, cannot be a tag sequence: it is left out
   * and counted in {@code report}.
   */
  public static List<LabeledSentence> of(List<Document> documents, ConversionReport report) {
    List<LabeledSentence> sentences = new ArrayList<>();
    for (Document document : documents) {
      for (Sentence sentence : document.sentences()) {
        Map<Integer, Integer> tokenStarting = new HashMap<>();
        Map<Integer, Integer> tokenEnding = new HashMap<>();
        for (int i = 0; i < sentence.size(); i++) {
          tokenStarting.put(sentence.tokens().get(i).begin(), i);
          tokenEnding.put(sentence.tokens().get(i).end(), i + 1);
        }
        List<TokenSpan> spans = new ArrayList<>();
        int coveredUpTo = 0;
        for (Mention mention : document.mentionsIn(sentence)) {
          Integer first = tokenStarting.get(mention.begin());
          Integer end = tokenEnding.get(mention.end());
          if (first == null || end == null || end <= first) {
            report.count("left out: mention edges are not token edges");
          } else if (first < coveredUpTo) {
            report.count("left out: mention overlaps an earlier one");
          } else {
            spans.add(new TokenSpan(first, end, mention.label()));
            coveredUpTo = end;
          }
        }
        sentences.add(new LabeledSentence(tokensOf(document, sentence), spans));
      }
    }
    return sentences;
  }
}
