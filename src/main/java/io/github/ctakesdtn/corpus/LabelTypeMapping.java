package io.github.ctakesdtn.corpus;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.ctakes.typesystem.type.constants.CONST;

/**
 * Which cTAKES {@code IdentifiedAnnotation} subtype (and {@code typeID}) a corpus label becomes.
 *
 * <p>Defaults recognise the usual clinical label names, case and punctuation ignored:
 * disease/disorder/condition/problem go to {@code DiseaseDisorderMention}; drug/chemical/medication
 * to {@code MedicationMention}; procedure/test/treatment (and surgery, radiotherapy) to
 * {@code ProcedureMention}; sign/symptom/finding to {@code SignSymptomMention}; anatomy to
 * {@code AnatomicalSiteMention}; lab to {@code LabMention}; a label spelt as one of these type names
 * ({@code LabMention}, as {@code convert --labels Measurement=LabMention} writes it) to that type. Every other label becomes a plain
 * {@code IdentifiedAnnotation} (typeID 0). Explicit {@code LABEL=Type} entries win over defaults;
 * a type is a cTAKES {@code textsem} short name or a full UIMA type name.
 */
public final class LabelTypeMapping {
  /** The UIMA type a label is written as, and its cTAKES typeID. */
  public record CtakesType(String typeName, int typeId) {}

  public static final String TEXTSEM = "org.apache.ctakes.typesystem.type.textsem.";
  public static final CtakesType IDENTIFIED = new CtakesType(TEXTSEM + "IdentifiedAnnotation", CONST.NE_TYPE_ID_UNKNOWN);

  private static final Map<String, CtakesType> KNOWN_TYPES = new LinkedHashMap<>();
  private static final Map<String, CtakesType> DEFAULTS = new HashMap<>();

  static {
    known("DiseaseDisorderMention", CONST.NE_TYPE_ID_DISORDER,
        "disease", "disorder", "diseasedisorder", "condition", "cond", "problem", "diagnosis");
    known("MedicationMention", CONST.NE_TYPE_ID_DRUG,
        "drug", "chemical", "medication", "medicine", "med", "meds");
    known("ProcedureMention", CONST.NE_TYPE_ID_PROCEDURE,
        "procedure", "proc", "treatment", "test", "surgery", "surg", "radiotherapy", "radio");
    known("SignSymptomMention", CONST.NE_TYPE_ID_FINDING,
        "sign", "symptom", "signsymptom", "signorsymptom", "finding");
    known("AnatomicalSiteMention", CONST.NE_TYPE_ID_ANATOMICAL_SITE,
        "anatomy", "anatomicalsite", "anatomicalentity", "bodypart", "bodysite");
    known("LabMention", CONST.NE_TYPE_ID_LAB, "lab", "labtest", "laboratory", "labresult");
    KNOWN_TYPES.put("IdentifiedAnnotation", IDENTIFIED);
    KNOWN_TYPES.put("EntityMention", new CtakesType(TEXTSEM + "EntityMention", CONST.NE_TYPE_ID_UNKNOWN));
    KNOWN_TYPES.put("EventMention", new CtakesType(TEXTSEM + "EventMention", CONST.NE_TYPE_ID_UNKNOWN));
  }

  private static void known(String shortName, int typeId, String... labels) {
    CtakesType type = new CtakesType(TEXTSEM + shortName, typeId);
    KNOWN_TYPES.put(shortName, type);
    // A label spelt as the type itself (convert --labels Condition=DiseaseDisorderMention) is that type.
    DEFAULTS.put(normalize(shortName), type);
    for (String label : labels) {
      DEFAULTS.put(label, type);
    }
  }

  private final Map<String, CtakesType> explicit;

  private LabelTypeMapping(Map<String, CtakesType> explicit) {
    this.explicit = Map.copyOf(explicit);
  }

  public static LabelTypeMapping defaults() {
    return new LabelTypeMapping(Map.of());
  }

  /** Defaults plus {@code LABEL=Type} entries; throws on a malformed entry. */
  public static LabelTypeMapping withOverrides(List<String> entries) {
    Map<String, CtakesType> explicit = new HashMap<>();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        throw new IllegalArgumentException("label mapping '" + entry + "' is not LABEL=Type");
      }
      explicit.put(entry.substring(0, eq).trim(), typeNamed(entry.substring(eq + 1).trim()));
    }
    return new LabelTypeMapping(explicit);
  }

  /** A cTAKES textsem short name or a full UIMA type name. */
  public static CtakesType typeNamed(String name) {
    CtakesType known = KNOWN_TYPES.get(name);
    if (known != null) {
      return known;
    }
    return KNOWN_TYPES.values().stream()
        .filter(t -> t.typeName().equals(name))
        .findFirst()
        .orElse(new CtakesType(name, CONST.NE_TYPE_ID_UNKNOWN));
  }

  public CtakesType typeFor(String label) {
    CtakesType type = explicit.get(label);
    if (type != null) {
      return type;
    }
    return DEFAULTS.getOrDefault(normalize(label), IDENTIFIED);
  }

  private static String normalize(String label) {
    return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
  }
}
