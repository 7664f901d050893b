package io.github.ctakesdtn.corpus;

import java.util.function.ToDoubleFunction;
import org.apache.ctakes.typesystem.type.constants.CONST;
import org.apache.ctakes.typesystem.type.structured.DocumentID;
import org.apache.ctakes.typesystem.type.syntax.BaseToken;
import org.apache.ctakes.typesystem.type.syntax.NumToken;
import org.apache.ctakes.typesystem.type.syntax.PunctuationToken;
import org.apache.ctakes.typesystem.type.syntax.SymbolToken;
import org.apache.ctakes.typesystem.type.syntax.WordToken;
import org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation;
import org.apache.ctakes.typesystem.type.textspan.Segment;
import org.apache.uima.cas.Type;
import org.apache.uima.cas.text.AnnotationFS;
import org.apache.uima.jcas.JCas;

/**
 * Writes a {@link Document} into an empty JCas as a cTAKES pipeline would have left it: document
 * id, one segment, sentences, typed tokens, and the mentions as {@code IdentifiedAnnotation}
 * subtypes chosen by a {@link LabelTypeMapping}, each keeping its corpus label ({@link MentionLabels}).
 */
public final class DocumentCas {
  /** The segment id cTAKES' SimpleSegmentAnnotator gives the whole-document segment. */
  public static final String SEGMENT_ID = "SIMPLE_SEGMENT";

  private final LabelTypeMapping mapping;
  private final int discoveryTechnique;

  /** @param discoveryTechnique a cTAKES {@code CONST.NE_DISCOVERY_TECH_*} value (gold for converted corpora) */
  public DocumentCas(LabelTypeMapping mapping, int discoveryTechnique) {
    this.mapping = mapping;
    this.discoveryTechnique = discoveryTechnique;
  }

  public static DocumentCas gold(LabelTypeMapping mapping) {
    return new DocumentCas(mapping, CONST.NE_DISCOVERY_TECH_GOLD_ANNOTATION);
  }

  public void fill(JCas jcas, Document document) {
    fill(jcas, document, mention -> 1.0);
  }

  /** Like {@link #fill(JCas, Document)}, with each mention's confidence (e.g. a tagger's). */
  public void fill(JCas jcas, Document document, ToDoubleFunction<Mention> confidence) {
    jcas.setDocumentText(document.text());
    DocumentID documentId = new DocumentID(jcas);
    documentId.setDocumentID(document.id());
    documentId.addToIndexes();
    Segment segment = new Segment(jcas, 0, document.text().length());
    segment.setId(SEGMENT_ID);
    segment.addToIndexes();
    int tokenNumber = 0;
    for (int s = 0; s < document.sentences().size(); s++) {
      Sentence sentence = document.sentences().get(s);
      var casSentence = new org.apache.ctakes.typesystem.type.textspan.Sentence(jcas, sentence.begin(), sentence.end());
      casSentence.setSentenceNumber(s);
      casSentence.setSegmentId(SEGMENT_ID);
      casSentence.addToIndexes();
      for (Token token : sentence.tokens()) {
        BaseToken casToken = tokenFor(jcas, document.coveredText(token.begin(), token.end()));
        casToken.setBegin(token.begin());
        casToken.setEnd(token.end());
        casToken.setTokenNumber(tokenNumber++);
        casToken.addToIndexes();
      }
    }
    for (Mention mention : document.mentions()) {
      addMention(jcas, mention, (float) confidence.applyAsDouble(mention), SEGMENT_ID, null);
    }
  }

  /**
   * Adds one mention with its mapped type, typeID, discovery technique, confidence, segment and
   * sentence ids (either may be null), its label, and the concept that names its semantic group
   * for cTAKES tools ({@link SemanticGroupConcepts}).
   */
  public IdentifiedAnnotation addMention(JCas jcas, Mention mention, float confidence, String segmentId,
      String sentenceId) {
    LabelTypeMapping.CtakesType ctakesType = mapping.typeFor(mention.label());
    Type type = jcas.getTypeSystem().getType(ctakesType.typeName());
    Type base = jcas.getCasType(IdentifiedAnnotation.type);
    if (type == null || !jcas.getTypeSystem().subsumes(base, type)) {
      throw new IllegalArgumentException("label '" + mention.label() + "' maps to '" + ctakesType.typeName()
          + "', which is not an IdentifiedAnnotation type in this type system");
    }
    IdentifiedAnnotation annotation = (IdentifiedAnnotation) jcas.getCas().<AnnotationFS>createAnnotation(type, mention.begin(), mention.end());
    annotation.setTypeID(ctakesType.typeId());
    annotation.setDiscoveryTechnique(discoveryTechnique);
    annotation.setConfidence(confidence);
    annotation.setPolarity(CONST.NE_POLARITY_NEGATION_ABSENT);
    annotation.setSegmentID(segmentId);
    annotation.setSentenceID(sentenceId);
    MentionLabels.setConcepts(jcas, annotation, mention.label(),
        SemanticGroupConcepts.conceptFor(jcas, ctakesType.typeId()));
    annotation.addToIndexes();
    return annotation;
  }

  /** The cTAKES token subtype the PTB tokenizer would give a token of this shape. */
  private static BaseToken tokenFor(JCas jcas, String text) {
    if (text.chars().anyMatch(Character::isLetter)) {
      return new WordToken(jcas);
    }
    if (text.chars().anyMatch(Character::isDigit)) {
      return new NumToken(jcas);
    }
    if (text.length() == 1 && isPunctuation(text.charAt(0))) {
      return new PunctuationToken(jcas);
    }
    return new SymbolToken(jcas);
  }

  private static boolean isPunctuation(char c) {
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION -> true;
      default -> false;
    };
  }
}
