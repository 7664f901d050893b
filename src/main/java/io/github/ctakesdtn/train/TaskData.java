package io.github.ctakesdtn.train;

import io.github.ctakesdtn.model.EncodedBatch;
import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.model.LinearChainCrf;
import io.github.ctakesdtn.model.TagSet;
import io.github.ctakesdtn.model.Vocabulary;
import io.github.ctakesdtn.model.WordForms;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One task's training sentences with their gold tag paths, its CRF and the CRF's optimizer, and
 * how to take one training step on a batch of them.
 */
final class TaskData {
  final List<LabeledSentence> sentences;
  final TagSet tags;
  final LinearChainCrf crf;
  final ParameterOptimizer crfOptimizer;
  private final List<int[]> gold;

  TaskData(List<LabeledSentence> sentences, TagSet tags, LinearChainCrf crf, ParameterOptimizer crfOptimizer) {
    this.sentences = sentences;
    this.tags = tags;
    this.crf = crf;
    this.crfOptimizer = crfOptimizer;
    this.gold = sentences.stream().map(s -> tags.encode(s.tokens().size(), s.spans())).toList();
  }

  /**
   * The sentences {@code batch} as examples for the plain-Java network, words seen once in training
   * shown as unknown with probability {@code wordDropout} (the same draws as {@link #step}).
   */
  List<TrainableTagger.Example> examples(List<Integer> batch, Vocabulary words, Set<String> singletons,
      double wordDropout, Random random) {
    List<TrainableTagger.Example> examples = new ArrayList<>(batch.size());
    for (int i : batch) {
      List<String> tokens = sentences.get(i).tokens();
      int[] ids = new int[tokens.size()];
      for (int t = 0; t < ids.length; t++) {
        String key = WordForms.key(tokens.get(t));
        ids[t] = singletons.contains(key) && random.nextDouble() < wordDropout ? Vocabulary.UNKNOWN : words.index(key);
      }
      examples.add(new TrainableTagger.Example(tokens, ids, gold.get(i), i));
    }
    return examples;
  }

  /**
   * One step on the sentences {@code batch}, words seen once in training shown as unknown with
   * probability {@code wordDropout}; returns the batch's summed loss.
   */
  double step(ComputationGraph graph, List<Integer> batch, Vocabulary words, Vocabulary chars, int maxWordLength,
      Set<String> singletons, double wordDropout, Random random, int iteration, int epoch) {
    List<List<String>> tokens = new ArrayList<>(batch.size());
    List<int[]> batchGold = new ArrayList<>(batch.size());
    for (int i : batch) {
      tokens.add(sentences.get(i).tokens());
      batchGold.add(gold.get(i));
    }
    EncodedBatch encoded = new EncodedBatch(tokens, words, chars, maxWordLength, DataType.FLOAT,
        key -> singletons.contains(key) && random.nextDouble() < wordDropout);
    return ExternalErrorStep.step(graph, crf, encoded, batchGold, iteration, epoch, crfOptimizer) * batch.size();
  }
}
