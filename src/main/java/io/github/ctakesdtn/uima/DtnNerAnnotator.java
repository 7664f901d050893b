package io.github.ctakesdtn.uima;

import io.github.ctakesdtn.corpus.DocumentCas;
import io.github.ctakesdtn.corpus.LabelTypeMapping;
import io.github.ctakesdtn.corpus.Mention;
import io.github.ctakesdtn.corpus.MentionLabels;
import io.github.ctakesdtn.model.TaggedSpan;
import io.github.ctakesdtn.model.Tagger;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.ctakes.core.pipeline.PipeBitInfo;
import org.apache.ctakes.typesystem.type.constants.CONST;
import org.apache.ctakes.typesystem.type.syntax.BaseToken;
import org.apache.ctakes.typesystem.type.syntax.NewlineToken;
import org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation;
import org.apache.ctakes.typesystem.type.textspan.Segment;
import org.apache.ctakes.typesystem.type.textspan.Sentence;
import org.apache.uima.UimaContext;
import org.apache.uima.analysis_engine.AnalysisEngineDescription;
import org.apache.uima.analysis_engine.AnalysisEngineProcessException;
import org.apache.uima.fit.component.JCasAnnotator_ImplBase;
import org.apache.uima.fit.descriptor.ConfigurationParameter;
import org.apache.uima.fit.descriptor.ResourceMetaData;
import org.apache.uima.fit.descriptor.TypeCapability;
import org.apache.uima.fit.factory.AnalysisEngineFactory;
import org.apache.uima.fit.util.JCasUtil;
import org.apache.uima.jcas.JCas;
import org.apache.uima.resource.ResourceInitializationException;
import org.apache.uima.util.Level;

/**
 * Tags every cTAKES {@code Sentence} over its {@code BaseToken}s with a ctakes-dtn model and adds
 * the mentions as cTAKES {@code IdentifiedAnnotation} subtypes (by the model's label-to-type
 * mapping, overridable with {@link #PARAM_LABEL_TYPES}), with {@code typeID},
 * {@code discoveryTechnique} = explicit annotator, the CRF's {@code confidence}, segment and
 * sentence ids, the model's label ({@link io.github.ctakesdtn.corpus.MentionLabels}) and a
 * concept naming the semantic group ({@link io.github.ctakesdtn.corpus.SemanticGroupConcepts}).
 * Mentions below {@link #PARAM_MIN_CONFIDENCE} are left out, and so are mentions inside a section
 * header ({@link SectionHeaders}) unless {@link #PARAM_SKIP_SECTION_HEADERS} is false. The
 * abbreviations a document defines after a mention are tagged wherever they occur in it
 * ({@link io.github.ctakesdtn.model.Abbreviations}) unless {@link #PARAM_ABBREVIATIONS} is false.
 *
 * <p>Mentions this annotator left in the CAS before (an already annotated XMI run again) are
 * replaced, not duplicated.
 *
 * <p>The model is loaded once per JVM and location ({@link ModelRegistry}) and shared by all
 * instances and threads.
 */
@PipeBitInfo(
    name = "ctakes-dtn NER",
    description = "Neural (BiLSTM-CRF, transfer-learned) named-entity recognition into IdentifiedAnnotation subtypes.",
    role = PipeBitInfo.Role.ANNOTATOR,
    parameters = {DtnNerAnnotator.PARAM_MODEL_LOCATION, DtnNerAnnotator.PARAM_BATCH_SIZE,
        DtnNerAnnotator.PARAM_LABEL_TYPES, DtnNerAnnotator.PARAM_MIN_CONFIDENCE,
        DtnNerAnnotator.PARAM_SKIP_SECTION_HEADERS, DtnNerAnnotator.PARAM_ABBREVIATIONS},
    dependencies = {PipeBitInfo.TypeProduct.SENTENCE, PipeBitInfo.TypeProduct.BASE_TOKEN},
    products = {PipeBitInfo.TypeProduct.IDENTIFIED_ANNOTATION})
@ResourceMetaData(name = "DtnNerAnnotator", description = "ctakes-dtn neural named-entity recognizer")
@TypeCapability(
    inputs = {"org.apache.ctakes.typesystem.type.textspan.Sentence",
        "org.apache.ctakes.typesystem.type.syntax.BaseToken"},
    outputs = {"org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation"})
public class DtnNerAnnotator extends JCasAnnotator_ImplBase {
  public static final String PARAM_MODEL_LOCATION = "modelLocation";
  @ConfigurationParameter(name = PARAM_MODEL_LOCATION, mandatory = false, defaultValue = ModelRegistry.DEFAULT_MODEL,
      description = "Model file: classpath:PATH, a URL or a file path (default: the bundled model).")
  private String modelLocation;

  public static final String PARAM_BATCH_SIZE = "batchSize";
  @ConfigurationParameter(name = PARAM_BATCH_SIZE, mandatory = false, defaultValue = "32",
      description = "Sentences tagged together.")
  private Integer batchSize;

  public static final String PARAM_LABEL_TYPES = "labelTypes";
  @ConfigurationParameter(name = PARAM_LABEL_TYPES, mandatory = false, defaultValue = {},
      description = "LABEL=Type entries (cTAKES textsem short name or full UIMA type name) over the model's mapping.")
  private String[] labelTypes;

  public static final String PARAM_MIN_CONFIDENCE = "minConfidence";
  // A String, not a Float: piper files hand parameters over as String, Integer or Boolean only,
  // so a Float parameter could not be set from one (minConfidence=0.5 arrives as "0.5").
  @ConfigurationParameter(name = PARAM_MIN_CONFIDENCE, mandatory = false, defaultValue = "0",
      description = "Leave out mentions whose confidence (the probability of the span) is below this number,"
          + " from 0 (keep all) to 1, e.g. 0.5.")
  private String minConfidence;

  public static final String PARAM_SKIP_SECTION_HEADERS = "skipSectionHeaders";
  @ConfigurationParameter(name = PARAM_SKIP_SECTION_HEADERS, mandatory = false, defaultValue = "true",
      description = "Leave out mentions inside a section header (\"CHIEF COMPLAINT:\", \"Medications:\", a line of"
          + " cTAKES section-name words in capitals).")
  private Boolean skipSectionHeaders;

  public static final String PARAM_ABBREVIATIONS = "abbreviations";
  @ConfigurationParameter(name = PARAM_ABBREVIATIONS, mandatory = false, defaultValue = "true",
      description = "Where a mention is the long form of an abbreviation defined after it in parentheses"
          + " (\"ataxia telangiectasia (A-T)\"), tag the abbreviation everywhere in the document with its label.")
  private Boolean abbreviations;

  private Tagger tagger;
  private double confidenceThreshold;
  private DocumentCas mentionWriter;

  @Override
  public void initialize(UimaContext context) throws ResourceInitializationException {
    super.initialize(context);
    try {
      if (batchSize == null || batchSize < 1) {
        // A batch of 0 sentences never advances: the tagger would loop forever.
        throw new IllegalArgumentException(PARAM_BATCH_SIZE + " must be at least 1, got " + batchSize);
      }
      confidenceThreshold = MinConfidence.parse(PARAM_MIN_CONFIDENCE, minConfidence);
      tagger = ModelRegistry.tagger(modelLocation);
      List<String> mapping = new ArrayList<>(tagger.model().labelTypes());
      mapping.addAll(Arrays.asList(labelTypes));
      mentionWriter = new DocumentCas(LabelTypeMapping.withOverrides(mapping), CONST.NE_DISCOVERY_TECH_EXPLICIT_AE);
    } catch (IOException | IllegalArgumentException e) {
      // UIMA wraps this in "Initialization of annotator class ... failed", and that outer line is
      // all a piper run shows on the console: say what is wrong where the user looks.
      getContext().getLogger().log(Level.SEVERE, "DtnNerAnnotator cannot start: " + e.getMessage());
      throw new ResourceInitializationException(e);
    }
  }

  @Override
  public void process(JCas jcas) throws AnalysisEngineProcessException {
    removePreviousPredictions(jcas);
    List<Sentence> sentences = new ArrayList<>(JCasUtil.select(jcas, Sentence.class));
    String text = jcas.getDocumentText();
    if (sentences.isEmpty()) {
      if (text != null && !text.isBlank()) {
        throw missingLayer("no cTAKES Sentence annotations");
      }
      return;
    }
    // One pass over the index each, instead of a covered/covering query per sentence.
    Map<Sentence, List<BaseToken>> covered = JCasUtil.indexCovered(jcas, Sentence.class, BaseToken.class);
    Map<Sentence, List<Segment>> segments = JCasUtil.indexCovering(jcas, Sentence.class, Segment.class);
    List<List<BaseToken>> tokens = new ArrayList<>(sentences.size());
    List<List<String>> words = new ArrayList<>(sentences.size());
    boolean anyToken = false;
    for (Sentence sentence : sentences) {
      List<BaseToken> sentenceTokens = tokensOf(sentence, covered.getOrDefault(sentence, List.of()));
      tokens.add(sentenceTokens);
      words.add(sentenceTokens.stream().map(BaseToken::getCoveredText).toList());
      anyToken |= !sentenceTokens.isEmpty();
    }
    if (!anyToken) {
      throw missingLayer("no cTAKES BaseToken annotations inside the sentences");
    }
    List<List<TaggedSpan>> tagged = abbreviations ? tagger.tagDocument(words, batchSize) : tagger.tag(words, batchSize);
    List<int[]> headers = skipSectionHeaders && text != null ? SectionHeaders.ctakes().find(text) : List.of();
    for (int s = 0; s < sentences.size(); s++) {
      Sentence sentence = sentences.get(s);
      String segmentId = segments.getOrDefault(sentence, List.of()).stream()
          .map(Segment::getId).findFirst().orElse(null);
      for (TaggedSpan span : tagged.get(s)) {
        if (span.confidence() < confidenceThreshold) {
          continue;
        }
        List<BaseToken> sentenceTokens = tokens.get(s);
        Mention mention = new Mention(sentenceTokens.get(span.span().first()).getBegin(),
            sentenceTokens.get(span.span().end() - 1).getEnd(), span.span().label());
        if (SectionHeaders.overlapsAny(headers, mention.begin(), mention.end())) {
          continue;
        }
        mentionWriter.addMention(jcas, mention, (float) span.confidence(), segmentId,
            String.valueOf(sentence.getSentenceNumber()));
      }
    }
  }

  /**
   * Re-annotating a CAS this annotator already annotated replaces its mentions instead of adding
   * a second copy of each. Ours are the ones with discoveryTechnique = explicit annotator and a
   * ctakes-dtn label; gold mentions and other annotators' mentions are kept.
   */
  private static void removePreviousPredictions(JCas jcas) {
    List<IdentifiedAnnotation> previous = JCasUtil.select(jcas, IdentifiedAnnotation.class).stream()
        .filter(m -> m.getDiscoveryTechnique() == CONST.NE_DISCOVERY_TECH_EXPLICIT_AE && MentionLabels.hasLabel(m))
        .toList();
    for (IdentifiedAnnotation mention : previous) {
      if (mention.getOntologyConceptArr() != null) {
        mention.getOntologyConceptArr().forEach(concept -> concept.removeFromIndexes());
      }
      mention.removeFromIndexes();
    }
  }

  /** The sentence's tokens as the tagger was trained on them: no newline tokens, no empty or overlapping ones. */
  private static List<BaseToken> tokensOf(Sentence sentence, List<BaseToken> covered) {
    List<BaseToken> tokens = new ArrayList<>();
    int previousEnd = sentence.getBegin();
    for (BaseToken token : covered) {
      if (!(token instanceof NewlineToken) && token.getEnd() > token.getBegin() && token.getBegin() >= previousEnd) {
        tokens.add(token);
        previousEnd = token.getEnd();
      }
    }
    return tokens;
  }

  private AnalysisEngineProcessException missingLayer(String what) {
    return new AnalysisEngineProcessException(new IllegalStateException(what + ": DtnNerAnnotator needs the cTAKES"
        + " sentence and token layers. Add SimpleSegmentAnnotator, SentenceDetector and TokenizerAnnotatorPTB"
        + " before it (in a piper file: 'load DefaultTokenizerPipeline'), or use"
        + " DtnNerAnnotator.createPipelineDescription()."));
  }

  /** This annotator with the bundled default model. */
  public static AnalysisEngineDescription createAnnotatorDescription() throws ResourceInitializationException {
    return AnalysisEngineFactory.createEngineDescription(DtnNerAnnotator.class);
  }

  /** This annotator with the model at {@code modelLocation} (classpath:PATH, URL or file). */
  public static AnalysisEngineDescription createAnnotatorDescription(String modelLocation)
      throws ResourceInitializationException {
    return AnalysisEngineFactory.createEngineDescription(DtnNerAnnotator.class, PARAM_MODEL_LOCATION, modelLocation);
  }

  /** Segmenter, sentence detector, tokenizer and this annotator: plain text in, mentions out. */
  public static AnalysisEngineDescription createPipelineDescription(String modelLocation)
      throws ResourceInitializationException {
    return AnalysisEngineFactory.createEngineDescription(
        io.github.ctakesdtn.corpus.CtakesTokenizer.pipelineDescription(), createAnnotatorDescription(modelLocation));
  }
}
