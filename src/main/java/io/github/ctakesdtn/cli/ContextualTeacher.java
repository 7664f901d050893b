package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.model.LabeledSentence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The default teacher of self-training ({@code train --teacher contextual}): before the last round, the
 * run trains its network once more with contextual string embeddings (two character language models,
 * Akbik et al. 2018, trained on the run's text), self-trains that, and lets it tag the unannotated
 * sentences for the last round, whose model has the run's own network and its tagging speed. At 10% of
 * ncbi-disease and of neurotrialner, three seeds, it beat self-training by the network alone (+0.57 and
 * +0.79 test F1) at about twice the training time (docs/benchmarks.md, "The contextual teacher by default").
 */
final class ContextualTeacher {
  /** The value of {@code --teacher} that asks for it, and its default. */
  static final String NAME = "contextual";

  /** LSTM units of each language model: the size measured (64 and 256 were no better on one seed). */
  static final int CHAR_LM = 128;

  private ContextualTeacher() {}

  /**
   * What the language models read: every sentence of the training corpus (sampled or not) and the
   * unannotated sentences drawn from the notes, each once (those a sample left out are both).
   */
  static List<List<String>> text(TrainingData.Split split, List<List<String>> unannotated) {
    List<List<String>> text = new ArrayList<>();
    Set<List<String>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (LabeledSentence sentence : split.all()) {
      text.add(sentence.tokens());
      seen.add(sentence.tokens());
    }
    for (List<String> sentence : unannotated) {
      if (seen.add(sentence)) {
        text.add(sentence);
      }
    }
    return text;
  }
}
