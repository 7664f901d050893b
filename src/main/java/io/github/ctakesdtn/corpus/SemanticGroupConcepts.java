package io.github.ctakesdtn.corpus;

import java.util.Map;
import org.apache.ctakes.typesystem.type.constants.CONST;
import org.apache.ctakes.typesystem.type.refsem.UmlsConcept;
import org.apache.uima.jcas.JCas;

/**
 * What cTAKES tools read as a mention's semantic group. cTAKES' HTML writers (the one behind
 * {@code PiperFileRunner --htmlOut}, {@code org.apache.ctakes.core.cc.pretty.html.HtmlTextWriter},
 * and {@code org.apache.ctakes.core.cc.html.HtmlTextWriter}) and its {@code SemanticGroup} /
 * {@code SemanticTui} utilities take the group from the TUIs of the mention's {@code UmlsConcept}s;
 * without one, the pretty writer calls every {@code EventMention} subtype a generic "Event".
 *
 * <p>So each mention of a cTAKES group gets one {@code UmlsConcept} holding a representative UMLS
 * semantic type of that group (the TUI below) and nothing else: no CUI, code or preferred text,
 * since the tagger finds a group, not a concept, and an invented CUI would mislead any tool that
 * links or counts concepts. Labs use T034 ("Laboratory or Test Result"), which cTAKES'
 * {@code SemanticTui} puts in its LAB group; the older pretty writer has no lab group and shows it
 * as "Finding".
 */
public final class SemanticGroupConcepts {
  /** By cTAKES typeID; a type without a row (IdentifiedAnnotation, typeID 0) gets no concept. */
  private static final Map<Integer, String> TUI_BY_TYPE_ID = Map.of(
      CONST.NE_TYPE_ID_DRUG, "T121",              // Pharmacologic Substance
      CONST.NE_TYPE_ID_DISORDER, "T047",          // Disease or Syndrome
      CONST.NE_TYPE_ID_FINDING, "T184",           // Sign or Symptom
      CONST.NE_TYPE_ID_PROCEDURE, "T061",         // Therapeutic or Preventive Procedure
      CONST.NE_TYPE_ID_ANATOMICAL_SITE, "T023",   // Body Part, Organ, or Organ Component
      CONST.NE_TYPE_ID_LAB, "T034");              // Laboratory or Test Result

  private SemanticGroupConcepts() {}

  /** The representative TUI of the group with this cTAKES typeID, or null. */
  public static String tuiFor(int typeId) {
    return TUI_BY_TYPE_ID.get(typeId);
  }

  /** A concept naming the group with this typeID (TUI only), or null when the type has no group. */
  public static UmlsConcept conceptFor(JCas jcas, int typeId) {
    String tui = tuiFor(typeId);
    if (tui == null) {
      return null;
    }
    UmlsConcept concept = new UmlsConcept(jcas);
    concept.setTui(tui);
    return concept;
  }
}
