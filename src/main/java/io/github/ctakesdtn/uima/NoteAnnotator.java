package io.github.ctakesdtn.uima;

import io.github.ctakesdtn.corpus.CasCorpusReader;
import io.github.ctakesdtn.corpus.CtakesTokenizer;
import io.github.ctakesdtn.corpus.TextFiles;
import io.github.ctakesdtn.corpus.XmlChars;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.ctakes.typesystem.type.structured.DocumentID;
import org.apache.ctakes.typesystem.type.textspan.Sentence;
import org.apache.uima.UIMAException;
import org.apache.uima.analysis_engine.AnalysisEngine;
import org.apache.uima.fit.factory.AnalysisEngineFactory;
import org.apache.uima.fit.util.JCasUtil;
import org.apache.uima.jcas.JCas;

/**
 * Annotates one note at a time, plain text or a CAS file, for the {@code annotate} command: text
 * goes through the cTAKES tokenizer pipeline and the tagger; a CAS that already has sentences goes
 * through the tagger alone. One instance per thread; the model itself is shared.
 *
 * <p>Each note gets a fresh CAS: a reset CAS keeps the capacity its hash-based indexes grew to,
 * which changes the order in which XMI lists unsorted feature structures, so a note's output
 * would depend on which notes the same thread annotated before it. Characters XML 1.0 forbids
 * (form feeds and other controls, common in clinical exports) are replaced by spaces, keeping
 * every offset, and counted ({@link #replacedCharacters()}).
 */
public final class NoteAnnotator implements AutoCloseable {
  private final AnalysisEngine fullPipeline;
  private final AnalysisEngine taggerOnly;
  private int replacedCharacters;

  /** @param minConfidence mentions below this confidence are left out (0 keeps all) */
  public NoteAnnotator(String modelLocation, int batchSize, double minConfidence) throws UIMAException {
    Object[] parameters = {DtnNerAnnotator.PARAM_MODEL_LOCATION, modelLocation, DtnNerAnnotator.PARAM_BATCH_SIZE, batchSize,
        DtnNerAnnotator.PARAM_MIN_CONFIDENCE, Double.toString(minConfidence)};
    taggerOnly = AnalysisEngineFactory.createEngine(DtnNerAnnotator.class, parameters);
    fullPipeline = AnalysisEngineFactory.createEngine(AnalysisEngineFactory.createEngineDescription(
        CtakesTokenizer.pipelineDescription(),
        AnalysisEngineFactory.createEngineDescription(DtnNerAnnotator.class, parameters)));
  }

  /** Reads and annotates a note. */
  public JCas annotate(Path file, String documentId) throws IOException, UIMAException {
    return annotate(file.toString(), Files.readAllBytes(file), documentId);
  }

  /**
   * Annotates a note read elsewhere (a Hadoop file system): {@code source} is its path or URI,
   * whose ending says plain text ({@code .txt}) or CAS, and which errors name.
   */
  public JCas annotate(String source, byte[] content, String documentId) throws IOException, UIMAException {
    JCas jcas = fullPipeline.newJCas();
    replacedCharacters = 0;
    boolean text = source.endsWith(".txt");
    if (text) {
      String note = TextFiles.decodeUtf8(content, source);
      replacedCharacters = XmlChars.countForbidden(note);
      jcas.setDocumentText(XmlChars.replaceForbidden(note));
    } else {
      CasCorpusReader.load(new ByteArrayInputStream(content), source, jcas);
    }
    if (!JCasUtil.exists(jcas, DocumentID.class)) {
      DocumentID id = new DocumentID(jcas);
      id.setDocumentID(documentId);
      id.addToIndexes();
    }
    boolean tokenized = !text && JCasUtil.exists(jcas, Sentence.class);
    (tokenized ? taggerOnly : fullPipeline).process(jcas);
    return jcas;
  }

  /** How many characters XML 1.0 forbids the last note held (each now a space). */
  public int replacedCharacters() {
    return replacedCharacters;
  }

  @Override
  public void close() {
    fullPipeline.destroy();
    taggerOnly.destroy();
  }
}
