package io.github.ctakesdtn.model;

import io.github.ctakesdtn.model.Routing.Group;
import io.github.ctakesdtn.model.Routing.Mode;
import io.github.ctakesdtn.nn.BiLstmLayer;
import io.github.ctakesdtn.nn.CharBiLstmLayer;
import io.github.ctakesdtn.nn.CharCnnLayer;
import io.github.ctakesdtn.nn.CharLayer;
import io.github.ctakesdtn.nn.DenseLayer;
import io.github.ctakesdtn.nn.GateLayer;
import io.github.ctakesdtn.nn.GateObserver;
import io.github.ctakesdtn.nn.Gated;
import io.github.ctakesdtn.nn.Gradients;
import io.github.ctakesdtn.nn.Param;
import io.github.ctakesdtn.nn.Params;
import io.github.ctakesdtn.nn.RowLayer;
import io.github.ctakesdtn.nn.SequenceLayer;
import io.github.ctakesdtn.nn.Tensor;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The tagger network, the one definition that training and tagging share: a character encoder per
 * word (C), concatenated with the word's embedding, a word BiLSTM (W) and per-token emission
 * scores (O) for a CRF, each group built as the {@link Routing} says. Training runs
 * {@link #accumulate} (forward keeping traces, then backward from the CRF's gradient down to every
 * parameter); tagging runs an {@link Emitter} ({@link #emitter}). Parameters are named tensors
 * ({@code wordEmbedding.W}, {@code target.words.forward.W}, {@code source.chars.gate.b}, ...), which
 * is what a model file stores.
 *
 * <p>Training-time dropout is inverted; each sentence draws its masks from its own seeded stream,
 * so the result does not depend on how sentences are spread over threads.
 */
public final class Network {
  /** A training sentence: tokens, the word ids it is shown with this time (word dropout applied), gold tags. */
  public record Example(List<String> tokens, int[] wordIds, int[] gold, long key) {}

  /** One task's way through the network, and the parameters on it (the only ones its steps update). */
  private record Route(CharLayer chars, SequenceLayer words, RowLayer emissions, List<Param> params) {}

  /** A group's layer for each task, and the parameters of each copy (gates apart). */
  private record Built<L>(Map<Task, L> layers, Map<Task, List<Param>> used) {}

  private static final float[] NO_FEATURES = new float[0];
  /** Training sentences whose contextual embeddings are kept. */
  private static final int MEMO_SENTENCES = 100_000;

  private final NetworkConfig shape;
  private final Routing routing;
  private final Params params = new Params();
  private final Param wordEmbedding;
  /** Null without word-shape features. */
  private final Param shapeEmbedding;
  private final Map<Task, Route> routes = new EnumMap<>(Task.class);
  private final Map<Group, Map<String, List<Param>>> copies = new EnumMap<>(Group.class);
  /** Every layer and gate once (shared ones are on both routes), to refresh after updates. */
  private final List<Runnable> refreshers = new ArrayList<>();
  private final int[] charIndex;
  private final float keep;
  /** Null without contextual embeddings. */
  private final CharContext context;
  /**
   * While training: the contextual embeddings of the sentences seen, which every epoch (and every dev
   * evaluation) reads again, and which do not change.
   */
  private final Map<List<String>, float[][]> contextMemo = new ConcurrentHashMap<>();
  private volatile boolean keepContext;

  /**
   * @param shape sizes; its tag count is the source task's in a transfer network
   * @param targetTags the target task's tag count (the same as the shape's in a single-task network)
   * @param gateBias DTN only: the gates' initial bias
   */
  public Network(NetworkConfig shape, int targetTags, Routing routing, Vocabulary chars, double gateBias) {
    if (chars.size() != shape.charVocabularySize()) {
      throw new IllegalArgumentException("the character vocabulary has " + chars.size() + " entries, the shape says "
          + shape.charVocabularySize());
    }
    this.shape = shape;
    this.routing = routing;
    this.charIndex = chars.indexOfEveryChar();
    this.keep = (float) (1 - shape.dropout());
    int wordDims = shape.wordEmbedding();
    wordEmbedding = params.add(Param.matrix(Tensor.of("wordEmbedding", "W", shape.wordVocabularySize(), wordDims),
        shape.wordVocabularySize(), wordDims, Param.Init.xavier(1, wordDims)));
    int shapeDims = shape.shapeEmbedding();
    shapeEmbedding = shapeDims == 0 ? null : params.add(Param.matrix(
        Tensor.of("wordShape", "W", WordShape.ROWS, shapeDims), WordShape.ROWS, shapeDims,
        Param.Init.xavier(1, shapeDims)));
    context = shape.contextHidden() == 0 ? null : new CharContext(params, shape.contextHidden());
    if (context != null) {
      refreshers.add(context::refresh);
    }
    Built<CharLayer> c = group(Group.CHARS, shape.charFeatures(), gateBias, this::charLayer, Gated::chars);
    Built<SequenceLayer> w = group(Group.WORDS, 2 * shape.wordHidden(), gateBias, this::wordLayer, Gated::sequence);
    Built<RowLayer> o = group(Group.EMISSIONS, shape.tagCount(), gateBias,
        copy -> emissionLayer(copy, copy.equals(Task.TARGET.copy()) ? targetTags : shape.tagCount()), Gated::row);
    for (Task task : routing.tasks()) {
      List<Param> used = new ArrayList<>(List.of(wordEmbedding));
      if (shapeEmbedding != null) {
        used.add(shapeEmbedding);
      }
      used.addAll(c.used.get(task));
      used.addAll(w.used.get(task));
      used.addAll(o.used.get(task));
      routes.put(task, new Route(c.layers.get(task), w.layers.get(task), o.layers.get(task), used));
    }
    refresh();
  }

  private interface Mix<L> {
    L mix(L shared, L own, GateLayer gate);
  }

  /** Builds a group's copies as the routing says, and for DTN the gates mixing them. */
  private <L> Built<L> group(Group group, int size, double gateBias, Function<String, L> build, Mix<L> mix) {
    Map<String, L> built = new HashMap<>();
    Map<String, List<Param>> copyParams = new LinkedHashMap<>();
    for (String copy : routing.copies(group)) {
      int mark = params.size();
      built.put(copy, build.apply(copy));
      copyParams.put(copy, params.since(mark));
    }
    copies.put(group, copyParams);
    Mode mode = routing.mode(group);
    Map<Task, L> layers = new EnumMap<>(Task.class);
    Map<Task, List<Param>> used = new EnumMap<>(Task.class);
    for (Task task : routing.tasks()) {
      List<Param> taskParams = new ArrayList<>();
      if (mode != Mode.PRIVATE) {
        taskParams.addAll(copyParams.get(Routing.SHARED_COPY));
      }
      if (mode == Mode.SHARED) {
        layers.put(task, built.get(Routing.SHARED_COPY));
      } else {
        taskParams.addAll(copyParams.get(task.copy()));
        L own = built.get(task.copy());
        if (mode == Mode.GATED) {
          int mark = params.size();
          GateLayer gate = new GateLayer(params, task.copy() + "." + group.label + ".gate", group.label, size, gateBias);
          refreshers.add(gate::refresh);
          taskParams.addAll(params.since(mark));
          own = mix.mix(built.get(Routing.SHARED_COPY), own, gate);
        }
        layers.put(task, own);
      }
      used.put(task, taskParams);
    }
    return new Built<>(layers, used);
  }

  private CharLayer charLayer(String copy) {
    String prefix = copy + ".chars";
    NetworkConfig s = shape;
    CharLayer layer = s.charEncoder().equals(NetworkConfig.CNN)
        ? new CharCnnLayer(params, prefix, s.charVocabularySize(), s.charEmbedding(), s.charHidden(), s.cnnWidth())
        : new CharBiLstmLayer(params, prefix, s.charVocabularySize(), s.charEmbedding(), s.charHidden());
    refreshers.add(layer::refresh);
    return layer;
  }

  private SequenceLayer wordLayer(String copy) {
    SequenceLayer layer = new BiLstmLayer(params, copy + ".words",
        shape.wordEmbedding() + shape.charFeatures() + shape.shapeFeatures() + shape.contextFeatures(),
        shape.wordHidden());
    refreshers.add(layer::refresh);
    return layer;
  }

  /** The shared copy and the source's have the source's tags: the shape's tag count. */
  private RowLayer emissionLayer(String copy, int tags) {
    RowLayer layer = new DenseLayer(params, copy + ".emissions", 2 * shape.wordHidden(), tags);
    refreshers.add(layer::refresh);
    return layer;
  }

  public NetworkConfig shape() {
    return shape;
  }

  public Routing routing() {
    return routing;
  }

  public Params params() {
    return params;
  }

  /** The character language models of the contextual embeddings, or null without them. */
  public CharContext context() {
    return context;
  }

  /** Call after the character language models' parameters change (they are trained before the tagger). */
  public void contextChanged() {
    contextMemo.clear();
    if (context != null) {
      context.refresh();
    }
  }

  /**
   * Whether to keep the sentences' contextual embeddings (up to {@link #MEMO_SENTENCES} sentences):
   * on while training, which reads the same sentences every epoch; off (and forgotten) for tagging.
   */
  public void keepContext(boolean keep) {
    keepContext = keep;
    if (!keep) {
      contextMemo.clear();
    }
  }

  /** The word-embedding table [vocabulary][dims], shared by every task. */
  public float[][] wordEmbedding() {
    return wordEmbedding.value();
  }

  /** The parameters that a step of this task uses and updates. */
  public List<Param> params(Task task) {
    return route(task).params();
  }

  /** The parameters of one copy ({@code shared}, {@code source}, {@code target}) of a group, gates apart. */
  public List<Param> copyParams(Group group, String copy) {
    return copies.get(group).getOrDefault(copy, List.of());
  }

  private Route route(Task task) {
    Route route = routes.get(task);
    if (route == null) {
      throw new IllegalArgumentException("a single-task network has no " + task.copy() + " task");
    }
    return route;
  }

  /** Call after the parameters change. */
  public void refresh() {
    refreshers.forEach(Runnable::run);
  }

  /** The tagging form of a task's path, from the parameters' current values. */
  public Emitter emitter(Task task, Vocabulary words, GateObserver gates) {
    Route route = route(task);
    return new Emitter(words, charIndex, shape.maxWordLength(), this::shapeFeatures,
        context == null ? null : this::contextOf,
        route.chars().inference(gates), route.words().inference(wordEmbedding.value(), gates),
        route.emissions().inference(gates));
  }

  /** The word's shape embeddings, concatenated (empty without word-shape features). */
  float[] shapeFeatures(String word) {
    if (shapeEmbedding == null) {
      return NO_FEATURES;
    }
    int dims = shape.shapeEmbedding();
    int[] rows = WordShape.rows(word);
    float[] features = new float[rows.length * dims];
    for (int f = 0; f < rows.length; f++) {
      System.arraycopy(shapeEmbedding.value()[rows[f]], 0, features, f * dims, dims);
    }
    return features;
  }

  /**
   * The character ids of a word (at most {@code maxWordLength}, padding for an empty word) into
   * {@code ids}; returns how many there are.
   */
  static int charIds(String word, int[] charIndex, int maxWordLength, int[] ids) {
    int n = Math.min(maxWordLength, word.length());
    for (int k = 0; k < n; k++) {
      ids[k] = charIndex[word.charAt(k)];
    }
    if (n == 0) {
      ids[0] = Vocabulary.PADDING;
    }
    return Math.max(1, n);
  }

  /**
   * Adds to {@code grads} and {@code crfGrads} the gradients of {@code scale} times the summed
   * negative log-likelihood of the examples of {@code task}, and returns that (unscaled) sum.
   */
  public double accumulate(Task task, List<Example> examples, LinearChainCrf crf, double scale, long seed,
      Gradients grads, CrfGradient crfGrads) {
    Route route = route(task);
    Map<String, CharLayer.Trace> charTraces = new HashMap<>();
    Map<String, float[]> charGradients = new HashMap<>();
    CrfGradient sentenceCrf = new CrfGradient(crf.tags().size());
    float[][] dWordEmbedding = grads.of(wordEmbedding);
    int wordDims = shape.wordEmbedding();
    int charSize = route.chars().size();
    int shapeSize = shape.shapeFeatures();
    int contextSize = shape.contextFeatures();
    int inputs = wordDims + charSize + shapeSize + contextSize;
    float[][] dShape = shapeEmbedding == null ? null : grads.of(shapeEmbedding);
    int[] ids = new int[shape.maxWordLength()];
    double loss = 0;
    for (Example example : examples) {
      int n = example.tokens().size();
      if (n == 0) {
        continue;
      }
      SplittableRandom random = new SplittableRandom(seed ^ (example.key() * 0x9E3779B97F4A7C15L));
      float[][] x = new float[n][];
      float[][] inputMasks = new float[n][];
      float[][] contextRows = context == null ? null : contextOf(example.tokens());
      for (int t = 0; t < n; t++) {
        CharLayer.Trace charTrace = charTraces.computeIfAbsent(example.tokens().get(t),
            word -> route.chars().forward(ids, charIds(word, charIndex, shape.maxWordLength(), ids)));
        float[] row = new float[inputs];
        System.arraycopy(wordEmbedding.value()[example.wordIds()[t]], 0, row, 0, wordDims);
        System.arraycopy(charTrace.features(), 0, row, wordDims, charSize);
        System.arraycopy(shapeFeatures(example.tokens().get(t)), 0, row, wordDims + charSize, shapeSize);
        if (contextRows != null) {
          System.arraycopy(contextRows[t], 0, row, wordDims + charSize + shapeSize, contextSize);
        }
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
        outputs[t] = route.emissions().forward(h[t]);
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
        route.emissions().backward(outputs[t], dy, dh[t], grads);
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
        if (dShape != null) {
          addShapeGradient(example.tokens().get(t), dx[t], wordDims + charSize, dShape);
        }
      }
    }
    for (Map.Entry<String, float[]> entry : charGradients.entrySet()) {
      route.chars().backward(charTraces.get(entry.getKey()), entry.getValue(), grads);
    }
    crfGrads.addScaled(sentenceCrf, scale);
    return loss;
  }

  /** A sentence's contextual embeddings; while training, computed once while the memo has room. */
  private float[][] contextOf(List<String> tokens) {
    if (!keepContext) {
      return context.embed(tokens);
    }
    float[][] rows = contextMemo.get(tokens);
    if (rows == null) {
      rows = context.embed(tokens);
      if (contextMemo.size() < MEMO_SENTENCES) {
        contextMemo.put(List.copyOf(tokens), rows);
      }
    }
    return rows;
  }

  private void addShapeGradient(String word, float[] dx, int from, float[][] dShape) {
    int dims = shape.shapeEmbedding();
    int[] rows = WordShape.rows(word);
    for (int f = 0; f < rows.length; f++) {
      float[] d = dShape[rows[f]];
      for (int j = 0; j < dims; j++) {
        d[j] += dx[from + f * dims + j];
      }
    }
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
