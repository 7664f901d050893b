package io.github.ctakesdtn.train;

import io.github.ctakesdtn.model.CrfGradient;
import io.github.ctakesdtn.model.LinearChainCrf;
import io.github.ctakesdtn.model.NetworkConfig;
import io.github.ctakesdtn.model.Vocabulary;
import io.github.ctakesdtn.nn.CharBiLstmLayer;
import io.github.ctakesdtn.nn.CharCnnLayer;
import io.github.ctakesdtn.nn.CharLayer;
import io.github.ctakesdtn.nn.DenseLayer;
import io.github.ctakesdtn.nn.Gradients;
import io.github.ctakesdtn.nn.LstmLayer;
import io.github.ctakesdtn.nn.Param;
import io.github.ctakesdtn.nn.Params;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The single-task tagger network ({@link io.github.ctakesdtn.model.TaggerNetwork}) in plain Java
 * for training: the same parameters under the same vertex names, a forward pass that keeps what
 * the backward pass needs, and the backward pass from the CRF's gradient down to every parameter.
 * Parameters are read from the DL4J graph at the start (so initialisation and pre-trained vectors
 * stay as they were) and written back before each evaluation or save. Training-time dropout is
 * inverted, as DL4J's; each sentence draws its masks from its own seeded stream, so the result does
 * not depend on how sentences are spread over threads.
 */
final class TrainableTagger {
  /** A training sentence: tokens, the word ids it is shown with this time (word dropout applied), gold tags. */
  record Example(List<String> tokens, int[] wordIds, int[] gold, long key) {}

  final Params params = new Params();
  private final Param wordEmbedding;
  private final CharLayer chars;
  private final LstmLayer forward;
  private final LstmLayer backward;
  private final DenseLayer emissions;
  private final int wordDims;
  private final int maxWordLength;
  private final int[] charIndex;
  private final float keep;

  TrainableTagger(NetworkConfig c, Vocabulary charVocabulary) {
    wordDims = c.wordEmbedding();
    maxWordLength = c.maxWordLength();
    charIndex = charVocabulary.indexOfEveryChar();
    keep = (float) (1 - c.dropout());
    wordEmbedding = params.add(Param.matrix("wordEmbedding", "W", c.wordVocabularySize(), c.wordEmbedding()));
    chars = c.charEncoder().equals(NetworkConfig.CNN)
        ? new CharCnnLayer(params, "", c.charVocabularySize(), c.charEmbedding(), c.charHidden(), c.cnnWidth())
        : new CharBiLstmLayer(params, "", c.charVocabularySize(), c.charEmbedding(), c.charHidden());
    int features = c.wordEmbedding() + c.charFeatures();
    forward = new LstmLayer(params, "wordForward", features, c.wordHidden());
    backward = new LstmLayer(params, "wordBackwardReversed", features, c.wordHidden());
    emissions = new DenseLayer(params, "emissions", 2 * c.wordHidden(), c.tagCount());
  }

  void readFrom(ComputationGraph graph) {
    params.readFrom(graph);
    refresh();
  }

  void writeTo(ComputationGraph graph) {
    params.writeTo(graph);
  }

  /** Call after the parameters change. */
  void refresh() {
    chars.refresh();
    forward.refresh();
    backward.refresh();
    emissions.refresh();
  }

  /**
   * Adds to {@code grads} and {@code crfGrads} the gradients of {@code scale} times the summed
   * negative log-likelihood of the examples, and returns that (unscaled) sum.
   */
  double accumulate(List<Example> examples, LinearChainCrf crf, double scale, long seed, Gradients grads,
      CrfGradient crfGrads) {
    Map<String, CharLayer.Trace> charTraces = new HashMap<>();
    Map<String, float[]> charGradients = new HashMap<>();
    CrfGradient sentenceCrf = new CrfGradient(crf.tags().size());
    float[][] dWordEmbedding = grads.of(wordEmbedding);
    int hidden = forward.hidden;
    double loss = 0;
    for (Example example : examples) {
      int n = example.tokens().size();
      if (n == 0) {
        continue;
      }
      SplittableRandom random = new SplittableRandom(seed ^ (example.key() * 0x9E3779B97F4A7C15L));
      float[][] x = new float[n][];
      float[][] inputMasks = new float[n][];
      for (int t = 0; t < n; t++) {
        CharLayer.Trace charTrace = charTraces.computeIfAbsent(example.tokens().get(t), this::encodeChars);
        float[] row = new float[forward.in];
        System.arraycopy(wordEmbedding.value()[example.wordIds()[t]], 0, row, 0, wordDims);
        System.arraycopy(charTrace.features(), 0, row, wordDims, chars.size());
        inputMasks[t] = dropout(row, random);
        x[t] = row;
      }
      LstmLayer.Trace f = forward.forward(x, false);
      LstmLayer.Trace b = backward.forward(x, true);
      float[][] h = new float[n][];
      float[][] outputMasks = new float[n][];
      double[][] e = new double[n][];
      for (int t = 0; t < n; t++) {
        h[t] = new float[2 * hidden];
        System.arraycopy(f.h[t], 0, h[t], 0, hidden);
        System.arraycopy(b.h[t], 0, h[t], hidden, hidden);
        outputMasks[t] = dropout(h[t], random);
        float[] scores = emissions.forward(h[t]);
        e[t] = new double[scores.length];
        for (int j = 0; j < scores.length; j++) {
          e[t][j] = scores[j];
        }
      }
      double[][] dE = new double[n][e[0].length];
      loss += crf.negLogLikelihood(e, example.gold(), dE, sentenceCrf);

      float[][] dhForward = new float[n][hidden];
      float[][] dhBackward = new float[n][hidden];
      for (int t = 0; t < n; t++) {
        float[] dy = new float[dE[t].length];
        for (int j = 0; j < dy.length; j++) {
          dy[j] = (float) (dE[t][j] * scale);
        }
        float[] dh = new float[2 * hidden];
        emissions.backward(h[t], dy, dh, grads);
        applyMask(dh, outputMasks[t]);
        System.arraycopy(dh, 0, dhForward[t], 0, hidden);
        System.arraycopy(dh, hidden, dhBackward[t], 0, hidden);
      }
      float[][] dx = new float[n][forward.in];
      forward.backward(f, dhForward, dx, grads);
      backward.backward(b, dhBackward, dx, grads);
      for (int t = 0; t < n; t++) {
        applyMask(dx[t], inputMasks[t]);
        float[] dEmbedding = dWordEmbedding[example.wordIds()[t]];
        for (int j = 0; j < wordDims; j++) {
          dEmbedding[j] += dx[t][j];
        }
        float[] dChars = charGradients.computeIfAbsent(example.tokens().get(t), k -> new float[chars.size()]);
        for (int j = 0; j < dChars.length; j++) {
          dChars[j] += dx[t][wordDims + j];
        }
      }
    }
    for (Map.Entry<String, float[]> entry : charGradients.entrySet()) {
      chars.backward(charTraces.get(entry.getKey()), entry.getValue(), grads);
    }
    ExternalErrorStep.addScaled(crfGrads, sentenceCrf, scale);
    return loss;
  }

  private CharLayer.Trace encodeChars(String word) {
    int n = Math.min(maxWordLength, word.length());
    int[] ids = new int[Math.max(1, n)];
    for (int k = 0; k < n; k++) {
      ids[k] = charIndex[word.charAt(k)];
    }
    return chars.forward(ids, ids.length);
  }

  /** Inverted dropout in place; returns the mask (0 or 1/keep per element), or null when nothing drops. */
  private float[] dropout(float[] values, SplittableRandom random) {
    if (keep >= 1f) {
      return null;
    }
    float[] mask = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      mask[i] = random.nextDouble() < keep ? 1f / keep : 0f;
      values[i] *= mask[i];
    }
    return mask;
  }

  private static void applyMask(float[] values, float[] mask) {
    if (mask == null) {
      return;
    }
    for (int i = 0; i < values.length; i++) {
      values[i] *= mask[i];
    }
  }
}
