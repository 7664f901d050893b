package io.github.ctakesdtn.model;

import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.corpus.TagScheme;
import io.github.ctakesdtn.corpus.TokenSpan;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.ClassRule;
import org.junit.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The whole network trained through the CRF's external error, checked against finite differences
 * of the CRF negative log-likelihood in double precision.
 */
public class NetworkGradientCheckTest {
  @ClassRule public static final DoublePrecision DOUBLE_PRECISION = new DoublePrecision();

  @Test
  public void externalErrorGradientsMatchFiniteDifferences() {
    for (String encoder : List.of(NetworkConfig.CNN, NetworkConfig.LSTM)) {
      check(encoder);
    }
  }

  private static void check(String encoder) {
    TagSet tags = new TagSet(TagScheme.IOBES, List.of("A", "B"));
    NetworkConfig config = new NetworkConfig(encoder, 3, 3, 3, 4, 3, 0.0, 25,
        TaggerNetworkTest.WORDS.size(), TaggerNetworkTest.CHARS.size(), tags.size());
    ComputationGraph graph = TaggerNetwork.build(config, new Sgd(0.1), 0, 7, DataType.DOUBLE);
    LinearChainCrf crf = new LinearChainCrf(tags);
    Random random = new Random(3);
    for (double[] row : crf.transitions()) {
      for (int j = 0; j < row.length; j++) {
        row[j] = random.nextGaussian() * 0.5;
      }
    }
    List<List<String>> sentences = List.of(List.of("The", "patient", "has", "fever", "."), List.of("Cough", "and"));
    List<int[]> gold = List.of(
        tags.encode(5, List.of(new TokenSpan(1, 2, "A"), new TokenSpan(3, 4, "B"))),
        tags.encode(2, List.of(new TokenSpan(0, 1, "B"))));
    EncodedBatch batch = new EncodedBatch(sentences, TaggerNetworkTest.WORDS, TaggerNetworkTest.CHARS, 25, DataType.DOUBLE);

    checkAgainstFiniteDifferences(encoder, graph, crf, batch, gold);
  }

  /** Every ~1/120th network parameter's external-error gradient against central differences of the CRF NLL. */
  static void checkAgainstFiniteDifferences(String what, ComputationGraph graph, LinearChainCrf crf,
      EncodedBatch batch, List<int[]> gold) {
    Gradient gradient = Dl4jReference.lossAndGradient(graph, crf, batch, gold, new CrfGradient(crf.tags().size()),
        new double[1]);
    INDArray analytic = gradient.gradient().dup();
    INDArray params = graph.params();
    double eps = 1e-6;
    int checked = 0;
    for (long k = 0; k < params.length(); k += Math.max(1, params.length() / 120)) {
      double original = params.getDouble(k);
      params.putScalar(k, original + eps);
      double plus = loss(graph, crf, batch, gold);
      params.putScalar(k, original - eps);
      double minus = loss(graph, crf, batch, gold);
      params.putScalar(k, original);
      double numeric = (plus - minus) / (2 * eps);
      double a = analytic.getDouble(k);
      double error = Math.abs(a - numeric) / Math.max(1e-8, Math.abs(a) + Math.abs(numeric));
      assertTrue(what + " parameter " + k + ": analytic " + a + ", numeric " + numeric,
          error < 1e-4 || Math.abs(a - numeric) < 1e-9);
      checked++;
    }
    assertTrue(checked > 100);
  }

  private static double loss(ComputationGraph graph, LinearChainCrf crf, EncodedBatch batch, List<int[]> gold) {
    INDArray emissions = graph.output(false, batch.inputs(), batch.masks())[0];
    int tags = (int) emissions.size(1);
    double total = 0;
    for (int b = 0; b < batch.batchSize(); b++) {
      double[][] e = new double[batch.length(b)][tags];
      for (int t = 0; t < e.length; t++) {
        e[t] = emissions.getRow(batch.row(b, t)).toDoubleVector();
      }
      total += crf.negLogLikelihood(e, gold.get(b), new double[e.length][tags], new CrfGradient(tags));
    }
    return total / batch.batchSize();
  }
}
