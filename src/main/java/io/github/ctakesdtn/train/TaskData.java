package io.github.ctakesdtn.train;

import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.model.LinearChainCrf;
import io.github.ctakesdtn.model.Network;
import io.github.ctakesdtn.model.TagSet;
import io.github.ctakesdtn.model.Vocabulary;
import io.github.ctakesdtn.model.WordForms;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** One task's training sentences with their gold tag paths, its CRF and the CRF's optimizer. */
final class TaskData {
  final List<LabeledSentence> sentences;
  final LinearChainCrf crf;
  final ParameterOptimizer crfOptimizer;
  private final Vocabulary words;
  private final Set<String> singletons;
  private final List<int[]> gold;

  /**
   * @param words the network's word vocabulary
   * @param singletons word keys seen once in the training data (of both tasks)
   */
  TaskData(List<LabeledSentence> sentences, TagSet tags, LinearChainCrf crf, ParameterOptimizer crfOptimizer,
      Vocabulary words, Set<String> singletons) {
    this.sentences = sentences;
    this.crf = crf;
    this.crfOptimizer = crfOptimizer;
    this.words = words;
    this.singletons = singletons;
    this.gold = sentences.stream().map(s -> goldTags(tags, s)).toList();
  }

  private static int[] goldTags(TagSet tags, LabeledSentence sentence) {
    int[] gold = tags.encode(sentence.tokens().size(), sentence.spans());
    for (int t : sentence.openTokens()) {
      gold[t] = LinearChainCrf.OPEN;
    }
    return gold;
  }

  /** Keeps the task's CRF and its optimizer's state in a checkpoint, under {@code name}. */
  void saveTo(TrainingState state, String name) {
    state.putDoubles(name + "/crf", CrfParameters.of(crf));
    ParameterOptimizer.State optimizer = crfOptimizer.state();
    state.putDoubles(name + "/crfOptimizer/m", optimizer.firstMoments());
    state.putDoubles(name + "/crfOptimizer/v", optimizer.secondMoments());
    state.values().addProperty(name + "/crfOptimizer/steps", optimizer.steps());
  }

  /** Continues from what {@link #saveTo} kept. */
  void restoreFrom(TrainingState state, String name) {
    CrfParameters.set(crf, state.doubles(name + "/crf", CrfParameters.size(crf.tags().size())));
    int size = crfOptimizer.size();
    crfOptimizer.restore(new ParameterOptimizer.State(state.doubles(name + "/crfOptimizer/m", size),
        state.doubles(name + "/crfOptimizer/v", size), state.getLong(name + "/crfOptimizer/steps")));
  }

  /**
   * The sentences {@code batch} as training examples, words seen once in training shown as unknown
   * with probability {@code wordDropout}, so the unknown-word embedding is trained, and each
   * sentence shown in upper case with probability {@code upperCase}.
   */
  List<Network.Example> examples(List<Integer> batch, double wordDropout, double upperCase, Random random) {
    List<Network.Example> examples = new ArrayList<>(batch.size());
    for (int i : batch) {
      List<String> tokens = sentences.get(i).tokens();
      // No draw without augmentation, so runs without it stay as they were.
      if (upperCase > 0 && random.nextDouble() < upperCase) {
        tokens = tokens.stream().map(token -> token.toUpperCase(Locale.ROOT)).toList();
      }
      int[] ids = new int[tokens.size()];
      for (int t = 0; t < ids.length; t++) {
        String key = WordForms.key(tokens.get(t));
        ids[t] = singletons.contains(key) && random.nextDouble() < wordDropout ? Vocabulary.UNKNOWN : words.index(key);
      }
      examples.add(new Network.Example(tokens, ids, gold.get(i), i));
    }
    return examples;
  }
}
