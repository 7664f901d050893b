package io.github.ctakesdtn.uima;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.corpus.CtakesTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation;
import org.apache.uima.analysis_engine.AnalysisEngineDescription;
import org.apache.uima.fit.factory.AnalysisEngineFactory;
import org.apache.uima.fit.factory.JCasFactory;
import org.apache.uima.fit.pipeline.SimplePipeline;
import org.apache.uima.fit.util.JCasUtil;
import org.apache.uima.jcas.JCas;
import org.apache.uima.resource.ResourceInitializationException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The annotator's parameters: bad ones refused when the pipeline is built, saying which and why; the threshold. */
public class DtnNerAnnotatorTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private static String innermost(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  @Test
  public void aBatchSizeBelowOneIsRefusedInsteadOfLoopingForever() {
    ResourceInitializationException e = assertThrows(ResourceInitializationException.class,
        () -> AnalysisEngineFactory.createEngine(DtnNerAnnotator.class, DtnNerAnnotator.PARAM_BATCH_SIZE, 0));
    assertTrue(innermost(e), innermost(e).contains("batchSize must be at least 1, got 0"));
  }

  @Test
  public void aMinConfidenceThatIsNotANumberFromZeroToOneIsRefused() {
    for (String bad : new String[] {"high", "1.5", "-0.1", "NaN"}) {
      ResourceInitializationException e = assertThrows(ResourceInitializationException.class,
          () -> AnalysisEngineFactory.createEngine(DtnNerAnnotator.class, DtnNerAnnotator.PARAM_MIN_CONFIDENCE, bad));
      assertTrue(innermost(e), innermost(e).contains("minConfidence must be a number from 0 to 1, got"));
    }
  }

  private static List<String> mentions(String minConfidence) throws Exception {
    return annotate(DtnNerAnnotator.PARAM_MIN_CONFIDENCE, minConfidence).stream()
        .map(m -> m.getCoveredText() + "@" + m.getConfidence()).toList();
  }

  private static List<IdentifiedAnnotation> annotate(Object... parameters) throws Exception {
    JCas jcas = JCasFactory.createText(NOTE);
    AnalysisEngineDescription pipeline = AnalysisEngineFactory.createEngineDescription(
        CtakesTokenizer.pipelineDescription(),
        AnalysisEngineFactory.createEngineDescription(DtnNerAnnotator.class, parameters));
    SimplePipeline.runPipeline(jcas, pipeline);
    return List.copyOf(JCasUtil.select(jcas, IdentifiedAnnotation.class));
  }

  private static String span(IdentifiedAnnotation m) {
    return m.getBegin() + "-" + m.getEnd() + " " + m.getCoveredText();
  }

  @Test
  public void mentionsInsideSectionHeadersAreLeftOutUnlessAsked() throws Exception {
    List<int[]> headers = SectionHeaders.ctakes().find(NOTE);
    assertEquals(2, headers.size());
    List<IdentifiedAnnotation> withHeaders = annotate(DtnNerAnnotator.PARAM_SKIP_SECTION_HEADERS, false);
    List<String> all = withHeaders.stream().map(DtnNerAnnotatorTest::span).toList();
    List<String> outsideHeaders = withHeaders.stream()
        .filter(m -> !SectionHeaders.overlapsAny(headers, m.getBegin(), m.getEnd()))
        .map(DtnNerAnnotatorTest::span).toList();
    assertTrue("the note has mentions outside its headers: " + all, !outsideHeaders.isEmpty());
    assertEquals(outsideHeaders, annotate().stream().map(DtnNerAnnotatorTest::span).toList());
  }

  private static final String NOTE = "CHIEF COMPLAINT: chest pain.\nHISTORY OF PRESENT ILLNESS: aspirin and metformin"
      + " for type 2 diabetes, hypertension and renal failure; cough and fever since Monday.\n";

  private static float confidence(String mention) {
    return Float.parseFloat(mention.substring(mention.lastIndexOf('@') + 1));
  }

  @Test
  public void minConfidenceLeavesOutExactlyTheMentionsBelowIt() throws Exception {
    List<String> all = mentions("0");
    List<Float> confidences = all.stream().map(DtnNerAnnotatorTest::confidence).sorted().toList();
    assertTrue("needs mentions of different confidence: " + all, confidences.get(0) < confidences.get(confidences.size() - 1));
    // A threshold between the lowest and the highest confidence found, so it must drop some and keep some.
    float threshold = (confidences.get(0) + confidences.get(confidences.size() - 1)) / 2;
    List<String> kept = mentions(Float.toString(threshold));
    assertEquals(all.stream().filter(m -> confidence(m) >= threshold).toList(), kept);
    assertTrue(kept.size() < all.size() && !kept.isEmpty());
  }

  @Test
  public void aCorruptModelIsNamedWithTheReason() throws Exception {
    Path model = temp.getRoot().toPath().resolve("corrupt.model");
    Files.write(model, new byte[] {1, 2, 3, 4, 5});
    ResourceInitializationException e = assertThrows(ResourceInitializationException.class,
        () -> AnalysisEngineFactory.createEngine(DtnNerAnnotator.class, DtnNerAnnotator.PARAM_MODEL_LOCATION,
            model.toString()));
    assertTrue(innermost(e), innermost(e).contains("corrupt.model"));
  }
}
