package io.github.ctakesdtn.clinical;

import io.github.ctakesdtn.uima.DtnNerAnnotator;
import java.util.ArrayList;
import java.util.List;
import org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation;
import org.apache.uima.UIMAException;
import org.apache.uima.analysis_engine.AnalysisEngine;
import org.apache.uima.fit.factory.AnalysisEngineFactory;
import org.apache.uima.fit.util.JCasUtil;
import org.apache.uima.jcas.JCas;

/** Runs a model over notes the way a cTAKES user would: segmenter, sentence detector, tokenizer, annotator. */
public final class ModelOnNotes {
  private ModelOnNotes() {}

  /** @param modelLocation a file path, {@code classpath:PATH} or URL */
  public static List<List<RobustnessCheck.Predicted>> predict(String modelLocation, List<SyntheticNote> notes)
      throws UIMAException {
    AnalysisEngine pipeline = AnalysisEngineFactory.createEngine(DtnNerAnnotator.createPipelineDescription(modelLocation));
    try {
      List<List<RobustnessCheck.Predicted>> predictions = new ArrayList<>();
      for (SyntheticNote note : notes) {
        JCas jcas = pipeline.newJCas();
        jcas.setDocumentText(note.text());
        pipeline.process(jcas);
        predictions.add(JCasUtil.select(jcas, IdentifiedAnnotation.class).stream()
            .map(m -> new RobustnessCheck.Predicted(m.getBegin(), m.getEnd(), m.getType().getShortName()))
            .toList());
      }
      return predictions;
    } finally {
      pipeline.destroy();
    }
  }
}
