package io.github.ctakesdtn.uima;

import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.uima.fit.factory.AnalysisEngineFactory;
import org.apache.uima.resource.ResourceInitializationException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The annotator refuses bad parameters when the pipeline is built, saying which and why. */
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
  public void aCorruptModelIsNamedWithTheReason() throws Exception {
    Path model = temp.getRoot().toPath().resolve("corrupt.model");
    Files.write(model, new byte[] {1, 2, 3, 4, 5});
    ResourceInitializationException e = assertThrows(ResourceInitializationException.class,
        () -> AnalysisEngineFactory.createEngine(DtnNerAnnotator.class, DtnNerAnnotator.PARAM_MODEL_LOCATION,
            model.toString()));
    assertTrue(innermost(e), innermost(e).contains("corrupt.model"));
  }
}
