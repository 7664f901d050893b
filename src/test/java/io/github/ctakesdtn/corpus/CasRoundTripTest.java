package io.github.ctakesdtn.corpus;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.ctakes.typesystem.type.constants.CONST;
import org.apache.ctakes.typesystem.type.syntax.BaseToken;
import org.apache.ctakes.typesystem.type.textsem.DiseaseDisorderMention;
import org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation;
import org.apache.ctakes.typesystem.type.textsem.MedicationMention;
import org.apache.uima.cas.SerialFormat;
import org.apache.uima.fit.factory.JCasFactory;
import org.apache.uima.fit.util.JCasUtil;
import org.apache.uima.jcas.JCas;
import org.apache.uima.util.CasIOUtils;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CasRoundTripTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private static Document sample() {
    String text = "Aspirin for fever .\nNo IL-2 found .";
    List<Sentence> sentences = List.of(
        Sentence.of(List.of(new Token(0, 7), new Token(8, 11), new Token(12, 17), new Token(18, 19))),
        Sentence.of(List.of(new Token(20, 22), new Token(23, 27), new Token(28, 33), new Token(34, 35))));
    return new Document("doc-1", text, sentences,
        List.of(new Mention(0, 7, "Chemical"), new Mention(12, 17, "Disease"), new Mention(23, 27, "protein")));
  }

  @Test
  public void xmiRoundTripKeepsTextSentencesTokensAndLabels() throws Exception {
    Path out = temp.getRoot().toPath();
    Path file = new XmiCorpusWriter(out, DocumentCas.gold(LabelTypeMapping.defaults())).write(sample());
    assertEquals(out.resolve("doc-1.xmi"), file);
    Document back = new CasCorpusReader(List.of()).read(file, "doc-1");
    assertEquals(sample(), back);
  }

  @Test
  public void mentionsBecomeCtakesTypesWithGoldTechniqueAndTypeId() throws Exception {
    Path file = new XmiCorpusWriter(temp.getRoot().toPath(), DocumentCas.gold(LabelTypeMapping.defaults())).write(sample());
    JCas jcas = JCasFactory.createJCas();
    CasCorpusReader.load(file, jcas);
    MedicationMention drug = JCasUtil.selectSingle(jcas, MedicationMention.class);
    assertEquals(CONST.NE_TYPE_ID_DRUG, drug.getTypeID());
    assertEquals(CONST.NE_DISCOVERY_TECH_GOLD_ANNOTATION, drug.getDiscoveryTechnique());
    assertEquals("Chemical", MentionLabels.labelOf(drug));
    assertEquals(CONST.NE_TYPE_ID_DISORDER, JCasUtil.selectSingle(jcas, DiseaseDisorderMention.class).getTypeID());
    IdentifiedAnnotation protein = JCasUtil.select(jcas, IdentifiedAnnotation.class).stream()
        .filter(a -> a.getType().getShortName().equals("IdentifiedAnnotation")).findFirst().orElseThrow();
    assertEquals("protein", MentionLabels.labelOf(protein));
    assertEquals(CONST.NE_TYPE_ID_UNKNOWN, protein.getTypeID());
    assertEquals(8, JCasUtil.select(jcas, BaseToken.class).size());
  }

  @Test
  public void binaryCasFormsAreReadAndMentionTypesSelectable() throws Exception {
    JCas jcas = JCasFactory.createJCas();
    DocumentCas.gold(LabelTypeMapping.defaults()).fill(jcas, sample());
    Path file = temp.getRoot().toPath().resolve("doc-1.bcas");
    try (OutputStream out = Files.newOutputStream(file)) {
      CasIOUtils.save(jcas.getCas(), out, SerialFormat.COMPRESSED);
    }
    Document back = new CasCorpusReader(List.of()).read(file, "doc-1");
    assertEquals(sample(), back);
    Document disordersOnly = new CasCorpusReader(List.of(DiseaseDisorderMention.class.getName())).read(file, "doc-1");
    assertEquals(List.of(new Mention(12, 17, "Disease")), disordersOnly.mentions());
  }

  @Test
  public void unknownTypesAreSkippedLeniently() throws Exception {
    Path file = new XmiCorpusWriter(temp.getRoot().toPath(), DocumentCas.gold(LabelTypeMapping.defaults())).write(sample());
    String xmi = Files.readString(file);
    String foreign = "<custom:Thing xmlns:custom=\"http:///org/example/custom.ecore\" xmi:id=\"99999\" sofa=\"1\" begin=\"0\" end=\"3\"/>";
    Files.writeString(file, xmi.replace("</xmi:XMI>", foreign + "</xmi:XMI>"));
    assertEquals(sample(), new CasCorpusReader(List.of()).read(file, "doc-1"));
  }

  @Test
  public void aTruncatedXmiIsRefusedWithFileAndLine() throws Exception {
    Path file = new XmiCorpusWriter(temp.getRoot().toPath(), DocumentCas.gold(LabelTypeMapping.defaults())).write(sample());
    String xmi = Files.readString(file);
    Files.writeString(file, xmi.substring(0, xmi.length() / 2));
    IOException e = assertThrows(IOException.class, () -> new CasCorpusReader(List.of()).read(file, "doc-1"));
    assertTrue(e.getMessage(), e.getMessage().startsWith(file + ": line "));
    assertTrue(e.getMessage(), e.getMessage().contains("not a readable CAS file"));
  }

  @Test
  public void anUnknownMentionTypeIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CasCorpusReader(List.of("org.example.Nope")));
    assertTrue(e.getMessage().contains("unknown mention type 'org.example.Nope'"));
  }

  @Test
  public void documentIdsComeFromPathsUnderTheFolder() throws IOException {
    Path root = temp.newFolder("corpus").toPath();
    Path file = root.resolve("a/b.xmi");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "");
    assertEquals("a/b", DocumentIds.of(root, file));
    assertEquals("b", DocumentIds.of(file, file));
  }
}
