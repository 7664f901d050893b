package io.github.ctakesdtn.corpus;

import org.apache.ctakes.typesystem.type.refsem.OntologyConcept;
import org.apache.ctakes.typesystem.type.refsem.UmlsConcept;
import org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation;
import org.apache.uima.jcas.JCas;
import org.apache.uima.jcas.cas.FSArray;

/**
 * How a mention keeps its corpus label in a CAS without a type-system extension: one
 * {@link OntologyConcept} in the mention's {@code ontologyConceptArr} whose {@code codingScheme} is
 * {@value #CODING_SCHEME} and whose {@code code} is the label (e.g. "Disease", "COND", "protein").
 * Any cTAKES reader loads such a CAS; a mention without that concept is labelled by its type's
 * short name (e.g. "DiseaseDisorderMention"). Beside it, a mention of a cTAKES group carries the
 * group's {@link SemanticGroupConcepts concept}.
 */
public final class MentionLabels {
  public static final String CODING_SCHEME = "CTAKES_DTN_LABEL";

  private MentionLabels() {}

  /**
   * Sets the mention's concepts: the group concept first, when given (cTAKES code often reads the
   * first concept as a {@code UmlsConcept}), then the label concept.
   */
  public static void setConcepts(JCas jcas, IdentifiedAnnotation mention, String label, UmlsConcept groupConcept) {
    OntologyConcept concept = new OntologyConcept(jcas);
    concept.setCodingScheme(CODING_SCHEME);
    concept.setCode(label);
    // Not added to the indexes: reached through the mention alone. UIMA keeps such feature
    // structures in a hash-based bag index whose iteration order (and so the order of XMI
    // elements) depended on what the reused CAS had held before, so output bytes varied with
    // thread scheduling and batch composition.
    FSArray<OntologyConcept> concepts = new FSArray<>(jcas, groupConcept == null ? 1 : 2);
    if (groupConcept != null) {
      concepts.set(0, groupConcept);
    }
    concepts.set(concepts.size() - 1, concept);
    mention.setOntologyConceptArr(concepts);
  }

  /** Whether the mention carries a label this way (as ctakes-dtn's converter and annotator write it). */
  public static boolean hasLabel(IdentifiedAnnotation mention) {
    return concept(mention) != null;
  }

  public static String labelOf(IdentifiedAnnotation mention) {
    OntologyConcept concept = concept(mention);
    return concept != null ? concept.getCode() : mention.getType().getShortName();
  }

  private static OntologyConcept concept(IdentifiedAnnotation mention) {
    FSArray<OntologyConcept> concepts = mention.getOntologyConceptArr();
    if (concepts != null) {
      for (OntologyConcept concept : concepts) {
        if (concept != null && CODING_SCHEME.equals(concept.getCodingScheme()) && concept.getCode() != null) {
          return concept;
        }
      }
    }
    return null;
  }
}
