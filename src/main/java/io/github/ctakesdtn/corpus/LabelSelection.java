package io.github.ctakesdtn.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which corpus labels a conversion keeps, and under which name: {@code Condition=DiseaseDisorderMention}
 * keeps {@code Condition} mentions and labels them {@code DiseaseDisorderMention}; a plain
 * {@code Drug} keeps {@code Drug} as it is. Every mention of another label is left out and counted
 * by label in the {@link ConversionReport}, so a rich corpus (Chia has 40 labels, most of them not
 * entities) can feed a model of a few cTAKES groups without any mention vanishing unreported.
 *
 * <p>Readers apply the selection before they resolve overlaps, so a left-out label (a
 * {@code Qualifier} around a {@code Condition}, say) never pushes out a kept mention. Labels are
 * matched exactly, as the corpus spells them. The empty selection keeps every label.
 */
public final class LabelSelection {
  private final Map<String, String> renames;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  private LabelSelection(Map<String, String> renames) {
    this.renames = renames;
  }

  /** Keeps every label under its own name. */
  public static LabelSelection all() {
    return new LabelSelection(Map.of());
  }

  /**
   * @param entries {@code LABEL} or {@code LABEL=NEWNAME}; empty keeps every label
   * @throws IllegalArgumentException on an empty name or a label given twice
   */
  public static LabelSelection of(List<String> entries) {
    Map<String, String> renames = new LinkedHashMap<>();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      String label = (eq < 0 ? entry : entry.substring(0, eq)).trim();
      String name = (eq < 0 ? label : entry.substring(eq + 1)).trim();
      if (label.isEmpty() || name.isEmpty()) {
        throw new IllegalArgumentException("label selection '" + entry + "' is not LABEL or LABEL=NEWNAME");
      }
      if (renames.put(label, name) != null) {
        throw new IllegalArgumentException("label '" + label + "' is selected twice");
      }
    }
    return new LabelSelection(Map.copyOf(renames));
  }

  public boolean keepsEverything() {
    return renames.isEmpty();
  }

  /** The name a label is kept under, or null when it is left out (and then counted in the report). */
  public String nameFor(String label, ConversionReport report) {
    if (renames.isEmpty()) {
      return label;
    }
    String name = renames.get(label);
    if (name == null) {
      report.ignoredLabel(label);
    } else {
      seen.add(label);
    }
    return name;
  }

  /** The kept mentions, renamed; the others counted in the report. */
  public List<Mention> apply(List<Mention> mentions, ConversionReport report) {
    if (renames.isEmpty()) {
      return mentions;
    }
    List<Mention> kept = new ArrayList<>(mentions.size());
    for (Mention mention : mentions) {
      String name = nameFor(mention.label(), report);
      if (name != null) {
        kept.add(name.equals(mention.label()) ? mention : new Mention(mention.begin(), mention.end(), name));
      }
    }
    return kept;
  }

  /**
   * Selected labels no mention carried so far: usually a misspelt {@code --labels} entry
   * (labels are matched exactly), which would otherwise quietly produce a corpus without them.
   */
  public List<String> neverSeen() {
    return renames.keySet().stream().filter(label -> !seen.contains(label)).sorted().toList();
  }
}
