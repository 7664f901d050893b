package io.github.ctakesdtn.uima;

import io.github.ctakesdtn.corpus.CtakesTokenizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation;
import org.apache.uima.analysis_engine.AnalysisEngine;
import org.apache.uima.fit.factory.AnalysisEngineFactory;
import org.apache.uima.fit.util.JCasUtil;
import org.apache.uima.jcas.JCas;

/**
 * Annotates the notes of a folder with a uimaFIT pipeline (the cTAKES segmenter, sentence
 * detector and tokenizer, then the annotator with the bundled model, section headers kept) and prints each mention as
 * {@code note, begin, end, cTAKES type, confidence}. Run in a JVM of its own by an integration test
 * whose classpath holds no ND4J, DL4J or native library.
 */
public final class SampleMentions {
  private SampleMentions() {}

  public static void main(String[] args) throws Exception {
    // cTAKES' start-up messages on stdout would mix with the mentions: the project's quiet logging.
    System.setProperty("log4j2.configurationFile", "ctakes-dtn-log4j2.xml");
    // Every mention the network finds, section headers included: what the engine is compared on.
    AnalysisEngine pipeline = AnalysisEngineFactory.createEngine(AnalysisEngineFactory.createEngineDescription(
        CtakesTokenizer.pipelineDescription(), AnalysisEngineFactory.createEngineDescription(DtnNerAnnotator.class,
            DtnNerAnnotator.PARAM_MODEL_LOCATION, ModelRegistry.DEFAULT_MODEL,
            DtnNerAnnotator.PARAM_SKIP_SECTION_HEADERS, false)));
    JCas jcas = pipeline.newJCas();
    List<Path> notes;
    try (Stream<Path> files = Files.list(Path.of(args[0]))) {
      notes = files.filter(file -> file.toString().endsWith(".txt")).sorted().toList();
    }
    for (Path note : notes) {
      jcas.reset();
      jcas.setDocumentText(Files.readString(note, StandardCharsets.UTF_8));
      pipeline.process(jcas);
      for (IdentifiedAnnotation mention : JCasUtil.select(jcas, IdentifiedAnnotation.class)) {
        System.out.printf("%s\t%d\t%d\t%s\t%s%n", note.getFileName(), mention.getBegin(), mention.getEnd(),
            mention.getType().getShortName(), mention.getConfidence());
      }
    }
    pipeline.destroy();
  }
}
