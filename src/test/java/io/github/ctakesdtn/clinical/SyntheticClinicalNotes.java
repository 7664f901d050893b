package io.github.ctakesdtn.clinical;

import io.github.ctakesdtn.corpus.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes synthetic clinical notes, deterministically from a seed, shaped the way real notes are and
 * PubMed abstracts are not: all-caps section headers ("CHIEF COMPLAINT:"), "Label: value" lines,
 * numbered and dashed lists, capitalised first words, abbreviations (HTN, BID, SOB, s/p), drugs at
 * line starts ("Metformin 500 mg BID") and lab lines ("Creatinine 1.2"). Every mention is known by
 * construction, so the notes are a gold corpus; the headers and line-start drugs are kept apart for
 * {@link RobustnessCheck}.
 *
 * <p>Gold labels are cTAKES type short names (DiseaseDisorderMention, SignSymptomMention,
 * MedicationMention, ProcedureMention, LabMention), as {@code convert --labels} writes Chia.
 */
public final class SyntheticClinicalNotes {
  static final String DISEASE = "DiseaseDisorderMention";
  static final String SYMPTOM = "SignSymptomMention";
  static final String DRUG = "MedicationMention";
  static final String PROCEDURE = "ProcedureMention";
  static final String LAB = "LabMention";

  private static final String[] DISEASES = {"hypertension", "type 2 diabetes mellitus", "atrial fibrillation",
      "congestive heart failure", "chronic kidney disease", "asthma", "hyperlipidemia", "coronary artery disease",
      "pneumonia", "deep vein thrombosis", "GERD", "COPD", "HTN", "CHF", "CKD", "osteoarthritis", "hypothyroidism",
      "urinary tract infection", "cellulitis", "major depressive disorder"};
  private static final String[] SYMPTOMS = {"chest pain", "shortness of breath", "nausea", "headache", "fever",
      "cough", "dizziness", "abdominal pain", "fatigue", "palpitations", "SOB", "vomiting", "back pain"};
  private static final String[] DRUGS = {"Metformin", "Lisinopril", "Atorvastatin", "Aspirin", "Metoprolol",
      "Furosemide", "Warfarin", "Amlodipine", "Omeprazole", "Albuterol", "Prednisone", "Levothyroxine",
      "Gabapentin", "Heparin", "Insulin glargine", "Simvastatin", "Hydrochlorothiazide", "Sertraline",
      "Apixaban", "Losartan"};
  private static final String[] LABS = {"Creatinine", "Hemoglobin", "Potassium", "Sodium", "WBC", "HbA1c",
      "Troponin", "BUN", "Glucose", "INR", "Platelets", "TSH", "ALT"};
  private static final String[] PROCEDURES = {"chest x-ray", "echocardiogram", "colonoscopy",
      "cardiac catheterization", "CT of the abdomen", "MRI of the brain", "appendectomy", "EKG", "hemodialysis",
      "cholecystectomy", "upper endoscopy", "knee replacement"};
  private static final String[] FREQUENCIES = {"daily", "BID", "TID", "q.d.", "PRN", "at bedtime", "q8h"};
  private static final String[] DOSES = {"5", "10", "20", "25", "40", "81", "100", "500", "1000"};

  private SyntheticClinicalNotes() {}

  /** {@code count} notes from {@code seed}; the same arguments give the same notes. */
  public static List<SyntheticNote> generate(int count, long seed) {
    Random random = new Random(seed);
    List<SyntheticNote> notes = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      notes.add(new Builder(String.format("synthetic-%03d", n + 1), random).note());
    }
    return notes;
  }

  /** Builds one note while recording the offsets of what it writes. */
  private static final class Builder {
    private final String id;
    private final Random random;
    private final StringBuilder text = new StringBuilder();
    private final List<Mention> mentions = new ArrayList<>();
    private final List<Mention> headers = new ArrayList<>();
    private final List<Mention> lineStartDrugs = new ArrayList<>();

    Builder(String id, Random random) {
      this.id = id;
      this.random = random;
    }

    private String pick(String[] words) {
      return words[random.nextInt(words.length)];
    }

    private Builder plain(String s) {
      text.append(s);
      return this;
    }

    private Builder mention(String label, String s) {
      mentions.add(new Mention(text.length(), text.length() + s.length(), label));
      text.append(s);
      return this;
    }

    private Builder header(String name) {
      if (text.length() > 0) {
        text.append('\n');
      }
      headers.add(new Mention(text.length(), text.length() + name.length(), "header"));
      text.append(name).append(':');
      return this;
    }

    private Builder lineStartDrug() {
      String drug = pick(DRUGS);
      lineStartDrugs.add(new Mention(text.length(), text.length() + drug.length(), DRUG));
      return mention(DRUG, drug).plain(" " + pick(DOSES) + " mg " + pick(FREQUENCIES) + "\n");
    }

    private static String capitalised(String s) {
      return Character.isUpperCase(s.charAt(0)) ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    SyntheticNote note() {
      header("CHIEF COMPLAINT").plain(" ").mention(SYMPTOM, capitalised(pick(SYMPTOMS))).plain(".\n");

      header("HISTORY OF PRESENT ILLNESS").plain(" " + (40 + random.nextInt(50)) + "-year-old "
          + (random.nextBoolean() ? "man" : "woman") + " with h/o ").mention(DISEASE, pick(DISEASES))
          .plain(" and ").mention(DISEASE, pick(DISEASES)).plain(" who presents with ").mention(SYMPTOM, pick(SYMPTOMS))
          .plain(" and ").mention(SYMPTOM, pick(SYMPTOMS)).plain(" for " + (2 + random.nextInt(9)) + " days. ")
          .plain("Was started on ").mention(DRUG, pick(DRUGS).toLowerCase(Locale.ROOT)).plain(" last week.\n");

      header("PAST MEDICAL HISTORY").plain("\n");
      int conditions = 2 + random.nextInt(3);
      for (int i = 1; i <= conditions; i++) {
        plain(random.nextBoolean() ? i + ". " : "- ").mention(DISEASE, capitalised(pick(DISEASES))).plain("\n");
      }
      plain("s/p ").mention(PROCEDURE, pick(PROCEDURES)).plain(" in " + (1995 + random.nextInt(28)) + ".\n");

      header("MEDICATIONS").plain("\n");
      int drugs = 2 + random.nextInt(4);
      for (int i = 0; i < drugs; i++) {
        lineStartDrug();
      }

      header("ALLERGIES").plain(random.nextBoolean() ? " NKDA.\n" : " Penicillin (rash).\n");

      header("VITAL SIGNS").plain("\nTemp: " + (97 + random.nextInt(4)) + "." + random.nextInt(10) + " F\nBP: "
          + (110 + random.nextInt(50)) + "/" + (60 + random.nextInt(30)) + "\nHR: " + (55 + random.nextInt(60)) + "\n");

      header("LABS").plain("\n");
      int labs = 2 + random.nextInt(3);
      for (int i = 0; i < labs; i++) {
        mention(LAB, pick(LABS)).plain((random.nextBoolean() ? ": " : " ") + random.nextInt(15) + "."
            + random.nextInt(10) + "\n");
      }

      header("ASSESSMENT AND PLAN").plain("\n");
      mention(DISEASE, capitalised(pick(DISEASES))).plain(", stable. Continue ").mention(DRUG, pick(DRUGS).toLowerCase(
          Locale.ROOT)).plain(".\n");
      plain("Check ").mention(LAB, pick(LABS)).plain(" in the morning. Schedule ").mention(PROCEDURE, pick(PROCEDURES))
          .plain(".\n");
      return new SyntheticNote(id, text.toString(), mentions, headers, lineStartDrugs);
    }
  }
}
