package io.github.ctakesdtn.uima;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.apache.ctakes.core.pipeline.PiperFileReader;
import org.apache.uima.analysis_engine.AnalysisEngineDescription;
import org.apache.uima.resource.ResourceSpecifier;
import org.junit.Test;

/**
 * The piper files as cTAKES' PiperFileReader parses them (no engine is started): the sub-pipe adds
 * the annotator alone, the full pipeline loads the tokenizer and then the sub-pipe, and a
 * labelTypes value reaches the annotator whole only when quoted, as the README says.
 */
public class PiperFilesTest {
  static final String PIPELINES = "io/github/ctakesdtn/pipeline/";
  static final String ANNOTATOR = DtnNerAnnotator.class.getName();

  @Test
  public void theSubPipeAddsTheAnnotatorAlone() throws Exception {
    PiperFileReader reader = new PiperFileReader();
    assertTrue(reader.loadPipelineFile(PIPELINES + "DtnNerSubPipe.piper"));
    assertEquals(List.of(ANNOTATOR), reader.getBuilder().getAeNames());
  }

  @Test
  public void theFullPipelineLoadsTheTokenizerThenTheSubPipe() throws Exception {
    PiperFileReader reader = new PiperFileReader();
    assertTrue(reader.loadPipelineFile(PIPELINES + "DtnNer.piper"));
    assertEquals(List.of("org.apache.ctakes.core.ae.SimpleSegmentAnnotator", "org.apache.ctakes.core.ae.SentenceDetector",
        "org.apache.ctakes.core.ae.TokenizerAnnotatorPTB", ANNOTATOR, "org.apache.ctakes.core.cc.FileTreeXmiWriter"),
        reader.getBuilder().getAeNames());
  }

  @Test
  public void aLabelTypesValueNeedsQuotes() throws Exception {
    assertArrayEquals(new String[] {"Chemical=MedicationMention"},
        labelTypesAfterParsing("labelTypes=\"Chemical=MedicationMention\""));
    assertArrayEquals("unquoted, the value is cut at its '='", new String[] {"Chemical"},
        labelTypesAfterParsing("labelTypes=Chemical=MedicationMention"));
  }

  private static Object[] labelTypesAfterParsing(String parameter) throws Exception {
    PiperFileReader reader = new PiperFileReader();
    assertTrue(reader.parsePipelineLine("add " + ANNOTATOR + " " + parameter));
    AnalysisEngineDescription pipeline = reader.getBuilder().getAnalysisEngineDesc();
    for (ResourceSpecifier delegate : pipeline.getDelegateAnalysisEngineSpecifiers().values()) {
      AnalysisEngineDescription annotator = (AnalysisEngineDescription) delegate;
      if (ANNOTATOR.equals(annotator.getAnnotatorImplementationName())) {
        return (Object[]) annotator.getAnalysisEngineMetaData().getConfigurationParameterSettings()
            .getParameterValue(DtnNerAnnotator.PARAM_LABEL_TYPES);
      }
    }
    throw new AssertionError("no " + ANNOTATOR + " in the pipeline");
  }
}
