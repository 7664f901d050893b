package io.github.ctakesdtn;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.corpus.MentionLabels;
import io.github.ctakesdtn.uima.DtnNerAnnotator;
import io.github.ctakesdtn.uima.ModelRegistry;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.ctakes.core.pipeline.PiperFileRunner;
import org.apache.ctakes.typesystem.type.constants.CONST;
import org.apache.ctakes.typesystem.type.textsem.DiseaseDisorderMention;
import org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation;
import org.apache.ctakes.typesystem.type.textsem.MedicationMention;
import org.apache.uima.UIMAFramework;
import org.apache.uima.analysis_engine.AnalysisEngine;
import org.apache.uima.analysis_engine.AnalysisEngineDescription;
import org.apache.uima.analysis_engine.AnalysisEngineProcessException;
import org.apache.uima.fit.factory.JCasFactory;
import org.apache.uima.fit.pipeline.SimplePipeline;
import org.apache.uima.fit.util.JCasUtil;
import org.apache.uima.jcas.JCas;
import org.apache.uima.util.CasIOUtils;
import org.apache.uima.util.XMLInputSource;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The annotator as users meet it, with the bundled default model and the real cTAKES segmenter,
 * sentence detector and tokenizer: a uimaFIT pipeline, the XML descriptors, the piper file and the
 * annotate command.
 */
public class AnnotatorIT {
  static final String NOTE = "The patient was started on aspirin and metformin. "
      + "She has a history of type 2 diabetes and hypertension.\nNo signs of pneumonia.\n";

  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private static void assertFindsDrugsAndDiseases(JCas jcas) {
    List<String> drugs = JCasUtil.select(jcas, MedicationMention.class).stream().map(m -> m.getCoveredText()).toList();
    List<String> diseases = JCasUtil.select(jcas, DiseaseDisorderMention.class).stream()
        .map(m -> m.getCoveredText()).toList();
    assertTrue("drugs " + drugs, drugs.contains("aspirin") && drugs.contains("metformin"));
    assertTrue("diseases " + diseases, diseases.contains("hypertension"));
    for (IdentifiedAnnotation mention : JCasUtil.select(jcas, IdentifiedAnnotation.class)) {
      assertEquals(CONST.NE_DISCOVERY_TECH_EXPLICIT_AE, mention.getDiscoveryTechnique());
      assertTrue(mention.getConfidence() > 0 && mention.getConfidence() <= 1);
      assertTrue(List.of("DiseaseDisorderMention", "MedicationMention", "ProcedureMention", "LabMention")
          .contains(MentionLabels.labelOf(mention)));
      assertTrue(mention.getSentenceID() != null);
    }
    assertEquals(CONST.NE_TYPE_ID_DRUG, JCasUtil.select(jcas, MedicationMention.class).iterator().next().getTypeID());
  }

  @Test
  public void aUimaFitPipelineFindsDrugsAndDiseases() throws Exception {
    JCas jcas = JCasFactory.createText(NOTE);
    SimplePipeline.runPipeline(jcas, DtnNerAnnotator.createPipelineDescription(ModelRegistry.DEFAULT_MODEL));
    assertFindsDrugsAndDiseases(jcas);
  }

  @Test
  public void withoutTheTokenLayersTheErrorSaysWhatToAdd() throws Exception {
    JCas jcas = JCasFactory.createText(NOTE);
    AnalysisEngineProcessException e = assertThrows(AnalysisEngineProcessException.class,
        () -> SimplePipeline.runPipeline(jcas, DtnNerAnnotator.createAnnotatorDescription()));
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    assertTrue(cause.getMessage(), cause.getMessage().contains("SentenceDetector"));
  }

  @Test
  public void anAbbreviationTheNoteDefinesAfterAMentionIsTaggedWhereverItOccursUnlessSwitchedOff() throws Exception {
    String note = "Her brother also has cleidocranial dysplasia (CCD), and the CCD was mild.\n"
        + "She was diagnosed with fibrodysplasia ossificans progressiva (FOP) as a child.\n"
        + "The FOP has limited her mobility since then.\n";
    List<String> with = diseases(note, true);
    List<String> without = diseases(note, false);

    assertTrue("the tagger finds the long forms: " + without, without.contains("cleidocranial dysplasia"));
    for (String text : with) {
      assertTrue(with + " against " + without, without.contains(text) || text.equals("CCD") || text.equals("FOP"));
    }
    assertTrue("every CCD is a mention: " + with, with.stream().filter("CCD"::equals).count() == 2);
    assertTrue("the abbreviations add mentions the tagger alone misses: " + with + " against " + without,
        with.size() > without.size());
  }

  private static List<String> diseases(String note, boolean abbreviations) throws Exception {
    JCas jcas = JCasFactory.createText(note);
    SimplePipeline.runPipeline(jcas, io.github.ctakesdtn.corpus.CtakesTokenizer.pipelineDescription(),
        org.apache.uima.fit.factory.AnalysisEngineFactory.createEngineDescription(DtnNerAnnotator.class,
            DtnNerAnnotator.PARAM_ABBREVIATIONS, abbreviations));
    return JCasUtil.select(jcas, DiseaseDisorderMention.class).stream().map(m -> m.getCoveredText()).toList();
  }

  @Test
  public void theAggregateDescriptorLoadsWithUimasParserAndRuns() throws Exception {
    File descriptor = new File("desc/analysis_engine/DtnNerAggregate.xml");
    AnalysisEngineDescription description =
        UIMAFramework.getXMLParser().parseAnalysisEngineDescription(new XMLInputSource(descriptor));
    AnalysisEngine engine = UIMAFramework.produceAnalysisEngine(description);
    JCas jcas = engine.newJCas();
    jcas.setDocumentText(NOTE);
    engine.process(jcas);
    assertFindsDrugsAndDiseases(jcas);
    engine.destroy();
  }

  @Test
  public void thePiperFileRunsThroughPiperFileRunner() throws Exception {
    Path notes = temp.newFolder("notes").toPath();
    Files.writeString(notes.resolve("note1.txt"), NOTE);
    Path out = temp.newFolder("out").toPath();
    assertTrue(PiperFileRunner.run("-p", "io/github/ctakesdtn/pipeline/DtnNer.piper", "-i", notes.toString(),
        "-o", out.toString()));
    Path xmi;
    try (Stream<Path> files = Files.walk(out)) {
      xmi = files.filter(f -> f.toString().endsWith(".xmi")).findFirst().orElseThrow();
    }
    JCas jcas = JCasFactory.createJCas();
    try (var in = Files.newInputStream(xmi)) {
      CasIOUtils.load(in, jcas.getCas());
    }
    assertFindsDrugsAndDiseases(jcas);
  }

  @Test
  public void annotateReportsABadNoteResumesAndGivesTheSameXmiWithFourThreads() throws Exception {
    Path notes = temp.newFolder("notes").toPath();
    for (int i = 1; i <= 5; i++) {
      Files.writeString(notes.resolve("note" + i + ".txt"), NOTE.replace("aspirin", i % 2 == 0 ? "ibuprofen" : "aspirin"));
    }
    Files.write(notes.resolve("latin1.txt"), "Caf\u00e9 au lait spots.".getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(notes.resolve("broken.xmi"), "<?xml version=\"1.0\"?><xmi:XMI xmlns:xmi=\"http://www.omg.org/XMI\"");
    Path dir = temp.getRoot().toPath();

    Cli.Result one = Cli.run(dir, "annotate", "--in", "notes", "--out", "one", "--export", "brat");
    assertEquals(one.toString(), 1, one.exitCode());
    assertTrue(one.toString(), one.out().contains("notes annotated    5"));
    assertTrue(one.toString(), one.out().contains("notes failed       2"));
    assertTrue(one.toString(), one.out().contains("latin1.txt: byte 3 (line 1): not valid UTF-8"));
    assertEquals(one.toString(), 1, one.out().split("latin1.txt", -1).length - 1); // named once, not twice
    assertTrue(one.toString(), one.out().contains("broken.xmi: line 1"));
    assertTrue(one.toString(), one.out().contains("MedicationMention (MedicationMention)"));
    assertTrue(Files.readString(dir.resolve("one/note1.ann")).contains("\tMedicationMention "));

    Cli.Result four = Cli.run(dir, "annotate", "--in", "notes", "--out", "four", "--threads", "4");
    assertEquals(four.toString(), 1, four.exitCode());
    for (int i = 1; i <= 5; i++) {
      String name = "note" + i + ".xmi";
      assertEquals(name, Files.readString(dir.resolve("one/" + name)), Files.readString(dir.resolve("four/" + name)));
    }
    assertFalse(Files.exists(dir.resolve("one/latin1.xmi")));

    Cli.Result again = Cli.run(dir, "annotate", "--in", "notes", "--out", "one");
    assertTrue(again.toString(), again.out().contains("notes annotated    0"));
    assertTrue(again.toString(), again.out().contains("notes already done 5"));
    assertTrue(again.toString(), again.out().contains("notes failed       2"));
  }
}
