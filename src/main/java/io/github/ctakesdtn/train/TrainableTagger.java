package io.github.ctakesdtn.train;

import io.github.ctakesdtn.model.CrfGradient;
import io.github.ctakesdtn.model.LinearChainCrf;
import io.github.ctakesdtn.model.NetworkConfig;
import io.github.ctakesdtn.model.SharingScheme;
import io.github.ctakesdtn.model.TaskSwitch;
import io.github.ctakesdtn.model.Vocabulary;
import io.github.ctakesdtn.nn.BiLstmLayer;
import io.github.ctakesdtn.nn.CharBiLstmLayer;
import io.github.ctakesdtn.nn.CharCnnLayer;
import io.github.ctakesdtn.nn.CharLayer;
import io.github.ctakesdtn.nn.DenseLayer;
import io.github.ctakesdtn.nn.GateLayer;
import io.github.ctakesdtn.nn.Gated;
import io.github.ctakesdtn.nn.Gradients;
import io.github.ctakesdtn.nn.Param;
import io.github.ctakesdtn.nn.Params;
import io.github.ctakesdtn.nn.RowLayer;
import io.github.ctakesdtn.nn.SequenceLayer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The tagger network in plain Java for training: the single-task network
 * ({@link io.github.ctakesdtn.model.TaggerNetwork}) or the two-task one
 * ({@link io.github.ctakesdtn.model.TransferNetwork}, any sharing scheme), with the same parameters
 * under the same vertex names, a forward pass that keeps what the backward pass needs, and the
 * backward pass from the CRF's gradient down to every parameter. Parameters are read from the DL4J
 * graph at the start (so initialisation and pre-trained vectors stay as they were) and written back
 * before each evaluation or save. Training-time dropout is inverted, as DL4J's; each sentence draws
 * its masks from its own seeded stream, so the result does not depend on how sentences are spread
 * over threads.
 */
final class TrainableTagger {
  private static final String SHARED = "shared";
  private static final int[] TASKS = {TaskSwitch.SOURCE, TaskSwitch.TARGET};

  /** A training sentence: tokens, the word ids it is shown with this time (word dropout applied), gold tags. */
  record Example(List<String> tokens, int[] wordIds, int[] gold, long key) {}

  /** One task's way through the network, and the parameters on it (the only ones its steps update). */
  record Route(CharLayer chars, SequenceLayer words, RowLayer output, List<Param> params) {}

  final Params params = new Params();
  private final Param wordEmbedding;
  /** By task ({@link TaskSwitch#SOURCE}, {@link TaskSwitch#TARGET}); a single-task network has route 0 only. */
  private final Route[] routes;
  /** Every layer and gate once (shared ones are on both routes), to refresh after updates. */
  private final List<Runnable> refreshers = new ArrayList<>();
  private final int wordDims;
  private final int maxWordLength;
  private final int[] charIndex;
  private final float keep;

  private TrainableTagger(NetworkConfig c, Vocabulary charVocabulary, int tasks) {
    wordDims = c.wordEmbedding();
    maxWordLength = c.maxWordLength();
    charIndex = charVocabulary.indexOfEveryChar();
    keep = (float) (1 - c.dropout());
    wordEmbedding = params.add(Param.matrix("wordEmbedding", "W", c.wordVocabularySize(), c.wordEmbedding()));
    routes = new Route[tasks];
  }

  /** The single-task network of {@link io.github.ctakesdtn.model.TaggerNetwork}. */
  static TrainableTagger singleTask(NetworkConfig c, Vocabulary charVocabulary) {
    TrainableTagger t = new TrainableTagger(c, charVocabulary, 1);
    CharLayer chars = t.charLayer(c, "");
    SequenceLayer words = t.wordLayer(c, "word");
    RowLayer output = t.outputLayer(c, "emissions", c.tagCount());
    t.routes[0] = new Route(chars, words, output, t.params.all());
    return t;
  }

  /**
   * The two-task network of {@link io.github.ctakesdtn.model.TransferNetwork}.
   *
   * @param shape sizes, with the source task's tag count
   */
  static TrainableTagger transfer(NetworkConfig shape, int targetTags, SharingScheme scheme,
      Vocabulary charVocabulary) {
    TrainableTagger t = new TrainableTagger(shape, charVocabulary, 2);
    boolean sameLabels = shape.tagCount() == targetTags;
    Group<CharLayer> chars = t.group(scheme.dynamic(), scheme.sharedChars(), shape.charFeatures(), "chars",
        copy -> t.charLayer(shape, copy), Gated::chars);
    Group<SequenceLayer> words = t.group(scheme.dynamic(), scheme.sharedWords(), 2 * shape.wordHidden(), "words",
        copy -> t.wordLayer(shape, copy + "Word"), Gated::sequence);
    // With different label sets the output group is private, also under DTN (the heads differ in width).
    Group<RowLayer> output = t.group(scheme.dynamic() && sameLabels, scheme.sharedOutput(), shape.tagCount(),
        "emissions", copy -> t.outputLayer(shape, copy + "Emissions",
            copy.equals("target") ? targetTags : shape.tagCount()), Gated::row);
    for (int task : TASKS) {
      List<Param> used = new ArrayList<>(List.of(t.wordEmbedding));
      used.addAll(chars.params.get(task));
      used.addAll(words.params.get(task));
      used.addAll(output.params.get(task));
      t.routes[task] = new Route(chars.layers.get(task), words.layers.get(task), output.layers.get(task), used);
    }
    return t;
  }

  /** A parameter group as each task sees it: its layer and the parameters behind it. */
  private record Group<L>(List<L> layers, List<List<Param>> params) {}

  private interface GateMix<L> {
    L mix(L shared, L own, GateLayer gate);
  }

  /** A group shared, private (a copy per task), or gated (shared, a private copy and a gate per task). */
  private <L> Group<L> group(boolean gated, boolean shared, int size, String name, Function<String, L> copy,
      GateMix<L> mix) {
    L common = null;
    List<Param> commonParams = List.of();
    if (gated || shared) {
      int mark = params.size();
      common = copy.apply(SHARED);
      commonParams = params.since(mark);
    }
    List<L> layers = new ArrayList<>();
    List<List<Param>> used = new ArrayList<>();
    for (int task : TASKS) {
      List<Param> taskParams = new ArrayList<>(commonParams);
      if (shared && !gated) {
        layers.add(common);
        used.add(taskParams);
        continue;
      }
      String taskName = task == TaskSwitch.SOURCE ? "Source" : "Target";
      int mark = params.size();
      L own = copy.apply(taskName.toLowerCase());
      if (gated) {
        GateLayer gate = new GateLayer(params, name + taskName + "Gate", size);
        refreshers.add(gate::refresh);
        own = mix.mix(common, own, gate);
      }
      taskParams.addAll(params.since(mark));
      layers.add(own);
      used.add(taskParams);
    }
    return new Group<>(layers, used);
  }

  private CharLayer charLayer(NetworkConfig c, String prefix) {
    CharLayer layer = c.charEncoder().equals(NetworkConfig.CNN)
        ? new CharCnnLayer(params, prefix, c.charVocabularySize(), c.charEmbedding(), c.charHidden(), c.cnnWidth())
        : new CharBiLstmLayer(params, prefix, c.charVocabularySize(), c.charEmbedding(), c.charHidden());
    refreshers.add(layer::refresh);
    return layer;
  }

  private SequenceLayer wordLayer(NetworkConfig c, String prefix) {
    SequenceLayer layer = new BiLstmLayer(params, prefix, c.wordEmbedding() + c.charFeatures(), c.wordHidden());
    refreshers.add(layer::refresh);
    return layer;
  }

  private RowLayer outputLayer(NetworkConfig c, String vertex, int tags) {
    RowLayer layer = new DenseLayer(params, vertex, 2 * c.wordHidden(), tags);
    refreshers.add(layer::refresh);
    return layer;
  }

  /** The parameters that a step of this task uses and updates. */
  List<Param> params(int task) {
    return routes[task].params();
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
    refreshers.forEach(Runnable::run);
  }

  /**
   * Adds to {@code grads} and {@code crfGrads} the gradients of {@code scale} times the summed
   * negative log-likelihood of the examples of {@code task}, and returns that (unscaled) sum.
   */
  double accumulate(int task, List<Example> examples, LinearChainCrf crf, double scale, long seed, Gradients grads,
      CrfGradient crfGrads) {
    Route route = routes[task];
    Map<String, CharLayer.Trace> charTraces = new HashMap<>();
    Map<String, float[]> charGradients = new HashMap<>();
    CrfGradient sentenceCrf = new CrfGradient(crf.tags().size());
    float[][] dWordEmbedding = grads.of(wordEmbedding);
    int charSize = route.chars().size();
    int inputs = wordDims + charSize;
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
        CharLayer.Trace charTrace = charTraces.computeIfAbsent(example.tokens().get(t),
            word -> encodeChars(route.chars(), word));
        float[] row = new float[inputs];
        System.arraycopy(wordEmbedding.value()[example.wordIds()[t]], 0, row, 0, wordDims);
        System.arraycopy(charTrace.features(), 0, row, wordDims, charSize);
        inputMasks[t] = dropout(row, random);
        x[t] = row;
      }
      SequenceLayer.Trace words = route.words().forward(x);
      float[][] h = new float[n][];
      float[][] outputMasks = new float[n][];
      RowLayer.Trace[] outputs = new RowLayer.Trace[n];
      double[][] e = new double[n][];
      for (int t = 0; t < n; t++) {
        h[t] = words.output()[t].clone();
        outputMasks[t] = dropout(h[t], random);
        outputs[t] = route.output().forward(h[t]);
        float[] scores = outputs[t].output();
        e[t] = new double[scores.length];
        for (int j = 0; j < scores.length; j++) {
          e[t][j] = scores[j];
        }
      }
      double[][] dE = new double[n][e[0].length];
      loss += crf.negLogLikelihood(e, example.gold(), dE, sentenceCrf);

      float[][] dh = new float[n][];
      for (int t = 0; t < n; t++) {
        float[] dy = new float[dE[t].length];
        for (int j = 0; j < dy.length; j++) {
          dy[j] = (float) (dE[t][j] * scale);
        }
        dh[t] = new float[h[t].length];
        route.output().backward(outputs[t], dy, dh[t], grads);
        applyMask(dh[t], outputMasks[t]);
      }
      float[][] dx = new float[n][inputs];
      route.words().backward(words, dh, dx, grads);
      for (int t = 0; t < n; t++) {
        applyMask(dx[t], inputMasks[t]);
        float[] dEmbedding = dWordEmbedding[example.wordIds()[t]];
        for (int j = 0; j < wordDims; j++) {
          dEmbedding[j] += dx[t][j];
        }
        float[] dChars = charGradients.computeIfAbsent(example.tokens().get(t), k -> new float[charSize]);
        for (int j = 0; j < charSize; j++) {
          dChars[j] += dx[t][wordDims + j];
        }
      }
    }
    for (Map.Entry<String, float[]> entry : charGradients.entrySet()) {
      route.chars().backward(charTraces.get(entry.getKey()), entry.getValue(), grads);
    }
    ExternalErrorStep.addScaled(crfGrads, sentenceCrf, scale);
    return loss;
  }

  private CharLayer.Trace encodeChars(CharLayer chars, String word) {
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
