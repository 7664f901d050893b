package io.github.ctakesdtn.uima;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.corpus.DocumentCas;
import io.github.ctakesdtn.corpus.LabelTypeMapping;
import io.github.ctakesdtn.corpus.Mention;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.ctakes.typesystem.type.constants.CONST;
import org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation;
import org.apache.uima.fit.util.JCasUtil;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.uima.cas.SerialFormat;
import org.apache.uima.jcas.JCas;
import org.apache.uima.util.CasIOUtils;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The annotate command's per-thread annotator, with the bundled model and the real cTAKES tokenizer. */
public class NoteAnnotatorTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();
  private static NoteAnnotator annotator;

  @BeforeClass
  public static void start() throws Exception {
    annotator = new NoteAnnotator(ModelRegistry.DEFAULT_MODEL, 32, 0);
  }

  @AfterClass
  public static void stop() {
    annotator.close();
  }

  private String xmi(Path note) throws Exception {
    JCas jcas = annotator.annotate(note, "n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CasIOUtils.save(jcas.getCas(), out, SerialFormat.XMI);
    return out.toString("UTF-8");
  }

  private static String note(int sentences) {
    String[] pool = {"The patient was started on aspirin and metformin for type 2 diabetes.",
        "No signs of pneumonia, hypertension is controlled with lisinopril.",
        "Aspirin was stopped because of bleeding and acute renal failure."};
    StringBuilder note = new StringBuilder();
    for (int i = 0; i < sentences; i++) {
      note.append(pool[i % pool.length]).append('\n');
    }
    return note.toString();
  }

  @Test
  public void theXmiOfANoteDoesNotDependOnWhatTheAnnotatorDidBefore() throws Exception {
    Path big = temp.getRoot().toPath().resolve("big.txt");
    Path small = temp.getRoot().toPath().resolve("small.txt");
    Files.writeString(big, note(40));
    Files.writeString(small, note(4));
    String fresh = xmi(small);
    xmi(big);
    assertEquals(fresh, xmi(small));
  }

  @Test
  public void formFeedsAreReplacedBySpacesKeepingOffsetsAndCounted() throws Exception {
    Path note = temp.getRoot().toPath().resolve("ff.txt");
    Files.writeString(note, "Fever.\f\u0001Aspirin given.\n");
    JCas jcas = annotator.annotate(note, "ff");
    assertEquals("Fever.  Aspirin given.\n", jcas.getDocumentText());
    assertEquals(2, annotator.replacedCharacters());
  }

  @Test
  public void reAnnotatingAnAnnotatedXmiReplacesThePredictionsAndKeepsGoldMentions() throws Exception {
    Path note = temp.getRoot().toPath().resolve("n.txt");
    Files.writeString(note, note(3));
    JCas first = annotator.annotate(note, "n");
    int predicted = JCasUtil.select(first, IdentifiedAnnotation.class).size();
    assertTrue("the model finds something", predicted > 0);
    // A gold mention, as convert writes them, must survive re-annotation.
    new DocumentCas(LabelTypeMapping.withOverrides(List.of()), CONST.NE_DISCOVERY_TECH_GOLD_ANNOTATION)
        .addMention(first, new Mention(0, 3, "Disease"), 1f, null, null);
    Path xmi = temp.getRoot().toPath().resolve("n.xmi");
    try (OutputStream out = Files.newOutputStream(xmi)) {
      CasIOUtils.save(first.getCas(), out, SerialFormat.XMI);
    }
    JCas again = annotator.annotate(xmi, "n");
    List<IdentifiedAnnotation> mentions = new ArrayList<>(JCasUtil.select(again, IdentifiedAnnotation.class));
    assertEquals(predicted + 1, mentions.size());
    assertEquals(1, mentions.stream()
        .filter(m -> m.getDiscoveryTechnique() == CONST.NE_DISCOVERY_TECH_GOLD_ANNOTATION).count());
  }
}
