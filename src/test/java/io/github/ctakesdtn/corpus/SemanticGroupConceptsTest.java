package io.github.ctakesdtn.corpus;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;
import org.apache.ctakes.core.util.annotation.OntologyConceptUtil;
import org.apache.ctakes.core.util.annotation.SemanticGroup;
import org.apache.ctakes.core.util.annotation.SemanticTui;
import org.apache.ctakes.typesystem.type.refsem.UmlsConcept;
import org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation;
import org.apache.uima.fit.factory.JCasFactory;
import org.apache.uima.fit.util.JCasUtil;
import org.apache.uima.jcas.JCas;
import org.junit.Test;

/** Mentions carry what cTAKES' own utilities read for the semantic group, and no invented CUI. */
public class SemanticGroupConceptsTest {
  private static final String TEXT = "Aspirin fever cough CT-scan arm creatinine IL-2";

  private static JCas filled() throws Exception {
    List<Mention> mentions = List.of(new Mention(0, 7, "Chemical"), new Mention(8, 13, "Disease"),
        new Mention(14, 19, "Symptom"), new Mention(20, 27, "Procedure"), new Mention(28, 31, "Anatomy"),
        new Mention(32, 42, "LabMention"), new Mention(43, 47, "protein"));
    List<Token> tokens = mentions.stream().map(m -> new Token(m.begin(), m.end())).toList();
    JCas jcas = JCasFactory.createJCas();
    DocumentCas.gold(LabelTypeMapping.defaults())
        .fill(jcas, new Document("d", TEXT, List.of(Sentence.of(tokens)), mentions));
    return jcas;
  }

  @Test
  public void eachGroupMentionHasOneTuiOnlyConceptOfItsGroupAndKeepsItsLabel() throws Exception {
    for (IdentifiedAnnotation mention : JCasUtil.select(filled(), IdentifiedAnnotation.class)) {
      String text = mention.getCoveredText();
      List<UmlsConcept> concepts = List.copyOf(OntologyConceptUtil.getUmlsConcepts(mention));
      if (text.equals("IL-2")) {
        assertEquals("no group, no concept: " + text, List.of(), concepts);
        assertEquals("protein", MentionLabels.labelOf(mention));
        continue;
      }
      assertEquals(text, 1, concepts.size());
      UmlsConcept concept = concepts.get(0);
      assertNull(text + ": no invented CUI", concept.getCui());
      assertNull(text, concept.getCode());
      assertNull(text, concept.getPreferredText());
      // cTAKES reads the same group from the TUI as from the typeID the mention already had.
      SemanticGroup byTypeId = SemanticGroup.getGroup(mention.getTypeID());
      assertEquals(text, byTypeId, SemanticTui.getTui(concept).getGroup());
      assertEquals(text, Set.of(byTypeId), Set.copyOf(SemanticGroup.getGroups(mention)));
      assertTrue(text, mention.getOntologyConceptArr(0) instanceof UmlsConcept);
    }
  }

  @Test
  public void theGroupsAreTheOnesTheTypesName() throws Exception {
    JCas jcas = filled();
    List<String> groups = JCasUtil.select(jcas, IdentifiedAnnotation.class).stream()
        .map(m -> m.getCoveredText() + ":" + SemanticGroup.getBestGroup(m).name()).toList();
    assertEquals(List.of("Aspirin:DRUG", "fever:DISORDER", "cough:FINDING", "CT-scan:PROCEDURE", "arm:ANATOMY",
        "creatinine:LAB", "IL-2:UNKNOWN"), groups);
  }
}
