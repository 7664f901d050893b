package io.github.ctakesdtn.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model is for, in the words a model card uses (Mitchell et al. 2019): what it finds, the data
 * it learned from (with licences), its scores, its intended use and its known failure modes. Kept in
 * the model file as {@code card.json} and shown in every report on the model.
 */
public record ModelCard(String summary, List<Finding> finds, List<Data> data, Map<String, Double> scores,
    String intendedUse, List<String> failureModes) {
  public ModelCard {
    finds = List.copyOf(finds);
    data = List.copyOf(data);
    scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores)); // in the order given
    failureModes = List.copyOf(failureModes);
  }

  /** A label the model tags and the cTAKES type the annotator writes it as. */
  public record Finding(String label, String ctakesType) {}

  /** A corpus the model was trained or scored on: its role (train, dev, test, source, vectors). */
  public record Data(String role, String source, long sentences, long mentions, String licence) {}
}
