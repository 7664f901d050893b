package io.github.ctakesdtn.model;

import io.github.ctakesdtn.corpus.Document;
import io.github.ctakesdtn.corpus.Mention;
import io.github.ctakesdtn.corpus.Sentence;
import io.github.ctakesdtn.corpus.TokenSpan;
import io.github.ctakesdtn.model.fused.FusedNetwork;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Tags tokenized sentences with a trained model: emissions from the network (its fused plain-Java
 * form, {@link FusedNetwork}), the best valid tag path from the CRF (Viterbi), and for each mention
 * the CRF's marginal probability of exactly that span as its confidence. Safe to call from several
 * threads on one instance: the fused network and the CRF allocate their work arrays per call.
 */
public final class Tagger {
  public static final int DEFAULT_BATCH_SIZE = 32;

  private final TaggerModel model;
  private final FusedNetwork network;
  private final int batchSize;

  public Tagger(TaggerModel model) {
    this(model, DEFAULT_BATCH_SIZE);
  }

  public Tagger(TaggerModel model, int batchSize) {
    this.model = model;
    this.network = FusedNetwork.of(model);
    this.batchSize = batchSize;
  }

  public TaggerModel model() {
    return model;
  }

  /** The mentions of each sentence, in order. */
  public List<List<TaggedSpan>> tag(List<List<String>> sentences) {
    List<List<TaggedSpan>> tagged = new ArrayList<>(sentences.size());
    for (int from = 0; from < sentences.size(); from += batchSize) {
      List<List<String>> batch = sentences.subList(from, Math.min(sentences.size(), from + batchSize));
      tagged.addAll(tagBatch(batch));
    }
    return tagged;
  }

  private List<List<TaggedSpan>> tagBatch(List<List<String>> sentences) {
    List<List<TaggedSpan>> tagged = new ArrayList<>(sentences.size());
    List<List<String>> nonEmpty = sentences.stream().filter(s -> !s.isEmpty()).toList();
    double[][][] emissions = network.emissions(nonEmpty);
    int next = 0;
    for (List<String> sentence : sentences) {
      if (sentence.isEmpty()) {
        tagged.add(List.of());
        continue;
      }
      double[][] e = emissions[next++];
      int[] path = model.crf().viterbi(e);
      List<TokenSpan> decoded = model.tags().decode(path);
      double[] confidences = model.crf().spanProbabilities(e, path, decoded);
      List<TaggedSpan> spans = new ArrayList<>(decoded.size());
      for (int i = 0; i < decoded.size(); i++) {
        spans.add(new TaggedSpan(decoded.get(i), confidences[i]));
      }
      tagged.add(spans);
    }
    return tagged;
  }

  /**
   * Emission scores [sentence][token][tag] from the DL4J graph itself, in inference mode: the
   * reference the fused network is held to (and what training's dev scoring would see).
   */
  static double[][][] graphEmissions(TaggerModel model, List<List<String>> sentences) {
    EncodedBatch batch = new EncodedBatch(sentences, model.words(), model.chars(), model.config().maxWordLength(),
        DataType.FLOAT);
    INDArray output = model.network().output(false, batch.inputs(), batch.masks())[0];
    float[] flat = output.castTo(DataType.FLOAT).dup('c').data().asFloat();
    int tags = model.tags().size();
    double[][][] emissions = new double[sentences.size()][][];
    for (int b = 0; b < sentences.size(); b++) {
      emissions[b] = new double[batch.length(b)][tags];
      for (int t = 0; t < batch.length(b); t++) {
        int offset = batch.row(b, t) * tags;
        for (int j = 0; j < tags; j++) {
          emissions[b][t][j] = flat[offset + j];
        }
      }
    }
    return emissions;
  }

  /** A document's predicted mentions, with confidences, over its own sentences and tokens. */
  public List<ScoredMention> tag(Document document) {
    List<List<String>> sentences = new ArrayList<>();
    for (Sentence sentence : document.sentences()) {
      sentences.add(LabeledSentence.tokensOf(document, sentence));
    }
    List<List<TaggedSpan>> tagged = tag(sentences);
    List<ScoredMention> mentions = new ArrayList<>();
    for (int s = 0; s < tagged.size(); s++) {
      Sentence sentence = document.sentences().get(s);
      for (TaggedSpan span : tagged.get(s)) {
        mentions.add(new ScoredMention(new Mention(sentence.tokens().get(span.span().first()).begin(),
            sentence.tokens().get(span.span().end() - 1).end(), span.span().label()), span.confidence()));
      }
    }
    return mentions;
  }

  /** A predicted mention with the model's confidence in it. */
  public record ScoredMention(Mention mention, double confidence) {}
}
