package io.github.ctakesdtn.model.fused;

import io.github.ctakesdtn.model.GateVertex;
import io.github.ctakesdtn.model.NetworkConfig;
import io.github.ctakesdtn.model.SharingScheme;
import io.github.ctakesdtn.model.TaggerModel;
import io.github.ctakesdtn.model.TransferSpec;
import io.github.ctakesdtn.model.Vocabulary;
import io.github.ctakesdtn.model.WordForms;
import io.github.ctakesdtn.nn.Activations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The trained network's inference in plain Java, reproducing the DL4J graph's emissions (a test
 * holds them within 1e-4) several times faster: no per-op dispatch, weights read once into float
 * arrays, each distinct word of a batch encoded and projected once, and cheap exact-enough
 * activations ({@link Activations}). Works for single-task models and for transfer models (static
 * schemes and DTN), following the target task's path. Immutable and safe to share between threads;
 * every call allocates its own work arrays.
 */
public final class FusedNetwork {
  private final Vocabulary words;
  private final int[] charIndex;
  private final int maxWordLength;
  private final CharEncoder chars;
  private final WordEncoder wordEncoder;
  private final RowLayer output;

  private FusedNetwork(TaggerModel model, ComputationGraph g, Paths paths) {
    NetworkConfig c = model.config();
    this.words = model.words();
    this.maxWordLength = c.maxWordLength();
    this.charIndex = model.chars().indexOfEveryChar();
    float[] wordEmbedding = param(g, "wordEmbedding", "W");
    int wordDims = c.wordEmbedding();
    this.chars = paths.chars.gate == null
        ? charEncoder(g, c, paths.chars.copy)
        : gated(charEncoder(g, c, paths.chars.shared), charEncoder(g, c, paths.chars.copy), gate(g, paths.chars.gate));
    this.wordEncoder = paths.words.gate == null
        ? biLstm(g, paths.words.copy, wordEmbedding, wordDims)
        : gated(biLstm(g, paths.words.shared, wordEmbedding, wordDims),
            biLstm(g, paths.words.copy, wordEmbedding, wordDims), gate(g, paths.words.gate));
    this.output = paths.emissions.gate == null
        ? dense(g, paths.emissions.copy)
        : gated(dense(g, paths.emissions.shared), dense(g, paths.emissions.copy), gate(g, paths.emissions.gate));
  }

  /** The fused form of a loaded model's network. */
  public static FusedNetwork of(TaggerModel model) {
    return new FusedNetwork(model, model.network(), Paths.of(model.transfer(), model.tags().labels()));
  }

  /** Emission scores [sentence][token][tag] of non-empty tokenized sentences. */
  public double[][][] emissions(List<List<String>> sentences) {
    Map<String, Integer> distinct = new HashMap<>();
    int[][] rows = new int[sentences.size()][];
    for (int s = 0; s < sentences.size(); s++) {
      List<String> sentence = sentences.get(s);
      rows[s] = new int[sentence.size()];
      for (int t = 0; t < sentence.size(); t++) {
        Integer row = distinct.putIfAbsent(sentence.get(t), distinct.size());
        rows[s][t] = row == null ? distinct.size() - 1 : row;
      }
    }
    int[] wordIds = new int[distinct.size()];
    float[][] charFeatures = new float[distinct.size()][];
    int[] charIds = new int[maxWordLength];
    for (Map.Entry<String, Integer> entry : distinct.entrySet()) {
      String word = entry.getKey();
      wordIds[entry.getValue()] = words.index(WordForms.key(word));
      int n = Math.min(maxWordLength, word.length());
      for (int k = 0; k < n; k++) {
        charIds[k] = charIndex[word.charAt(k)];
      }
      charFeatures[entry.getValue()] = chars.encode(charIds, Math.max(1, n));
    }
    WordEncoder.Projected projected = wordEncoder.project(wordIds, charFeatures);
    double[][][] emissions = new double[sentences.size()][][];
    for (int s = 0; s < sentences.size(); s++) {
      float[][] scores = output.apply(projected.run(rows[s], rows[s].length));
      emissions[s] = new double[scores.length][];
      for (int t = 0; t < scores.length; t++) {
        emissions[s][t] = new double[scores[t].length];
        for (int j = 0; j < scores[t].length; j++) {
          emissions[s][t][j] = scores[t][j];
        }
      }
    }
    return emissions;
  }

  // --- reading the DL4J graph -------------------------------------------------------------------

  private static float[] param(ComputationGraph g, String vertex, String key) {
    if (g.getVertex(vertex) == null) {
      throw new IllegalArgumentException("the network has no vertex " + vertex);
    }
    INDArray p = g.getVertex(vertex).paramTable(false).get(key);
    if (p == null) {
      throw new IllegalArgumentException("vertex " + vertex + " has no parameter " + key);
    }
    return p.castTo(DataType.FLOAT).dup('c').data().asFloat();
  }

  private static CharEncoder charEncoder(ComputationGraph g, NetworkConfig c, String prefix) {
    float[] embedding = param(g, prefix + "charEmbedding", "W");
    if (c.charEncoder().equals(NetworkConfig.CNN)) {
      return new CharCnn(embedding, c.charEmbedding(), param(g, prefix + "charCnn", "W"),
          param(g, prefix + "charCnn", "b"), c.cnnWidth());
    }
    return new CharBiLstm(embedding, c.charEmbedding(), lstm(g, prefix + "charForward"),
        lstm(g, prefix + "charBackward"));
  }

  private static Lstm lstm(ComputationGraph g, String layer) {
    return new Lstm(param(g, layer, "W"), param(g, layer, "RW"), param(g, layer, "b"));
  }

  private static WordEncoder biLstm(ComputationGraph g, String prefix, float[] wordEmbedding, int wordDims) {
    BiLstm biLstm = new BiLstm(lstm(g, prefix + "Forward"), lstm(g, prefix + "BackwardReversed"), wordEmbedding,
        wordDims);
    return (wordIds, charFeatures) -> {
      BiLstm.Projection projection = biLstm.project(wordIds, charFeatures);
      return (tokenRows, n) -> biLstm.run(projection, tokenRows, n);
    };
  }

  private static RowLayer dense(ComputationGraph g, String layer) {
    return new Dense(param(g, layer, "W"), param(g, layer, "b"))::apply;
  }

  private static Gate gate(ComputationGraph g, String vertex) {
    return new Gate(param(g, vertex, GateVertex.WEIGHTS), param(g, vertex, GateVertex.BIAS));
  }

  private static CharEncoder gated(CharEncoder shared, CharEncoder own, Gate gate) {
    return new CharEncoder() {
      @Override
      public int size() {
        return own.size();
      }

      @Override
      public float[] encode(int[] chars, int n) {
        return gate.mix(shared.encode(chars, n), own.encode(chars, n));
      }
    };
  }

  private static WordEncoder gated(WordEncoder shared, WordEncoder own, Gate gate) {
    return (wordIds, charFeatures) -> {
      WordEncoder.Projected s = shared.project(wordIds, charFeatures);
      WordEncoder.Projected p = own.project(wordIds, charFeatures);
      return (tokenRows, n) -> gate.mix(s.run(tokenRows, n), p.run(tokenRows, n));
    };
  }

  private static RowLayer gated(RowLayer shared, RowLayer own, Gate gate) {
    return x -> gate.mix(shared.apply(x), own.apply(x));
  }

  /** The W group: a BiLSTM over a sentence's rows, its inputs projected once per distinct word. */
  private interface WordEncoder {
    /** Projects distinct words given by vocabulary id and character features. */
    Projected project(int[] wordIds, float[][] charFeatures);

    interface Projected {
      /** Output rows of a sentence whose token t is distinct-word row {@code tokenRows[t]}. */
      float[][] run(int[] tokenRows, int n);
    }
  }

  /** The O group: emission rows from BiLSTM output rows. */
  private interface RowLayer {
    float[][] apply(float[][] x);
  }

  /**
   * Which vertices the target task's path goes through, per group: one copy (vertex name prefix),
   * or a shared and a private copy and the gate mixing them.
   */
  private record Path(String copy, String shared, String gate) {}

  private record Paths(Path chars, Path words, Path emissions) {
    static Paths of(TransferSpec transfer, List<String> targetLabels) {
      if (transfer == null) {
        return new Paths(new Path("", null, null), new Path("word", null, null), new Path("emissions", null, null));
      }
      boolean sameLabels = transfer.sourceLabels().equals(targetLabels);
      SharingScheme scheme = SharingScheme.named(transfer.graphScheme(), sameLabels);
      boolean dtn = scheme.dynamic();
      return new Paths(
          group(scheme.sharedChars(), dtn, "", "chars"),
          group(scheme.sharedWords(), dtn, "Word", "words"),
          // With different label sets the output group has private heads only, also under DTN.
          group(scheme.sharedOutput(), dtn && sameLabels, "Emissions", "emissions"));
    }

    private static Path group(boolean shared, boolean gated, String suffix, String groupName) {
      if (gated) {
        return new Path("target" + suffix, "shared" + suffix, groupName + "TargetGate");
      }
      return new Path((shared ? "shared" : "target") + suffix, null, null);
    }
  }
}
