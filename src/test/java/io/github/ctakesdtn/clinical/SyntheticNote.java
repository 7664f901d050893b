package io.github.ctakesdtn.clinical;

import io.github.ctakesdtn.corpus.Mention;
import java.util.List;

/**
 * A synthetic clinical note with what is known about it: the gold mentions (labelled with the
 * cTAKES type short name they stand for, e.g. "MedicationMention"), the section headers (never
 * mentions) and the drugs that start a line (a medication list's "Metformin 500 mg BID").
 */
public record SyntheticNote(String id, String text, List<Mention> mentions, List<Mention> headers,
    List<Mention> lineStartDrugs) {
  public SyntheticNote {
    mentions = List.copyOf(mentions);
    headers = List.copyOf(headers);
    lineStartDrugs = List.copyOf(lineStartDrugs);
  }

  public String covered(Mention span) {
    return text.substring(span.begin(), span.end());
  }
}
