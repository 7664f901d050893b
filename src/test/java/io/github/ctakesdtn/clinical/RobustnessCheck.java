package io.github.ctakesdtn.clinical;

import io.github.ctakesdtn.cli.Logging;
import io.github.ctakesdtn.corpus.Mention;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The two things issue 19 asks of a clinical model on the synthetic notes, judged by cTAKES type so
 * that any label naming passes: no section header is tagged (no predicted mention overlaps one),
 * and every drug that starts a line is found (a predicted MedicationMention with exactly its span).
 *
 * <p>Run against a model (prints the failures, exit code 1 when any):
 * <pre>
 * java -cp target/ctakes-dtn.jar:target/test-classes io.github.ctakesdtn.clinical.RobustnessCheck MODEL [NOTES [SEED]]
 * </pre>
 * or as {@code ClinicalRobustnessIT} with {@code -Dctakesdtn.clinical.model=MODEL}.
 */
public final class RobustnessCheck {
  /** A predicted mention: span and cTAKES type short name. */
  public record Predicted(int begin, int end, String type) {}

  /** What the check found; passes when no header was tagged and no line-start drug missed. */
  public record Result(int notes, int headers, int lineStartDrugs, List<String> taggedHeaders,
      List<String> missedDrugs) {
    public boolean passes() {
      return taggedHeaders.isEmpty() && missedDrugs.isEmpty();
    }

    public void print(PrintStream out) {
      out.printf("notes %d, headers %d tagged %d, line-start drugs %d missed %d: %s%n", notes, headers,
          taggedHeaders.size(), lineStartDrugs, missedDrugs.size(), passes() ? "PASS" : "FAIL");
      taggedHeaders.forEach(h -> out.println("  header tagged: " + h));
      missedDrugs.forEach(d -> out.println("  drug missed:   " + d));
    }
  }

  private RobustnessCheck() {}

  /** @param predictions per note, in the same order as {@code notes} */
  public static Result judge(List<SyntheticNote> notes, List<List<Predicted>> predictions) {
    if (notes.size() != predictions.size()) {
      throw new IllegalArgumentException(notes.size() + " notes but " + predictions.size() + " prediction lists");
    }
    List<String> taggedHeaders = new ArrayList<>();
    List<String> missedDrugs = new ArrayList<>();
    int headers = 0;
    int drugs = 0;
    for (int n = 0; n < notes.size(); n++) {
      SyntheticNote note = notes.get(n);
      List<Predicted> predicted = predictions.get(n);
      for (Mention header : note.headers()) {
        headers++;
        for (Predicted p : predicted) {
          if (p.begin() < header.end() && header.begin() < p.end()) {
            taggedHeaders.add(note.id() + " '" + note.covered(header) + "': " + p.type() + " '"
                + note.text().substring(p.begin(), p.end()) + "'");
          }
        }
      }
      for (Mention drug : note.lineStartDrugs()) {
        drugs++;
        boolean found = predicted.stream().anyMatch(p -> p.begin() == drug.begin() && p.end() == drug.end()
            && p.type().equals(SyntheticClinicalNotes.DRUG));
        if (!found) {
          String line = note.text().substring(drug.begin(), note.text().indexOf('\n', drug.begin()));
          missedDrugs.add(note.id() + " '" + note.covered(drug) + "' in line '" + line + "'"
              + describeOverlapping(note, drug, predicted));
        }
      }
    }
    return new Result(notes.size(), headers, drugs, taggedHeaders, missedDrugs);
  }

  private static String describeOverlapping(SyntheticNote note, Mention drug, List<Predicted> predicted) {
    List<String> overlapping = predicted.stream()
        .filter(p -> p.begin() < drug.end() && drug.begin() < p.end())
        .map(p -> p.type() + " '" + note.text().substring(p.begin(), p.end()) + "'")
        .toList();
    return overlapping.isEmpty() ? " (nothing predicted there)" : " (predicted " + String.join(", ", overlapping) + ")";
  }

  public static void main(String[] args) throws Exception {
    Logging.quiet();
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: RobustnessCheck MODEL [NOTES (default " + SyntheticCorpusWriter.DEFAULT_NOTES
          + ") [SEED (default " + SyntheticCorpusWriter.DEFAULT_SEED + ")]]");
      System.exit(2);
    }
    int count = args.length > 1 ? Integer.parseInt(args[1]) : SyntheticCorpusWriter.DEFAULT_NOTES;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : SyntheticCorpusWriter.DEFAULT_SEED;
    List<SyntheticNote> notes = SyntheticClinicalNotes.generate(count, seed);
    Result result = judge(notes, ModelOnNotes.predict(args[0], notes));
    result.print(System.out);
    System.exit(result.passes() ? 0 : 1);
  }
}
