package io.github.ctakesdtn.model;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.corpus.TagScheme;
import io.github.ctakesdtn.corpus.TokenSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

public class LinearChainCrfTest {
  private static LinearChainCrf randomCrf(TagScheme scheme, Random random) {
    LinearChainCrf crf = new LinearChainCrf(new TagSet(scheme, List.of("A", "B")));
    for (double[] row : crf.transitions()) {
      for (int j = 0; j < row.length; j++) {
        row[j] = random.nextGaussian();
      }
    }
    for (int j = 0; j < crf.start().length; j++) {
      crf.start()[j] = random.nextGaussian();
      crf.end()[j] = random.nextGaussian();
    }
    return crf;
  }

  private static double[][] randomEmissions(int length, int tags, Random random) {
    double[][] e = new double[length][tags];
    for (double[] row : e) {
      for (int j = 0; j < tags; j++) {
        row[j] = 2 * random.nextGaussian();
      }
    }
    return e;
  }

  /** Every valid path of the given length, by brute force. */
  private static List<int[]> validPaths(LinearChainCrf crf, int length) {
    List<int[]> paths = new ArrayList<>();
    int n = crf.tags().size();
    int[] path = new int[length];
    int total = (int) Math.pow(n, length);
    for (int code = 0; code < total; code++) {
      int c = code;
      for (int t = 0; t < length; t++) {
        path[t] = c % n;
        c /= n;
      }
      if (crf.score(new double[length][n], path) != Double.NEGATIVE_INFINITY) {
        paths.add(path.clone());
      }
    }
    return paths;
  }

  private static double logZ(LinearChainCrf crf, double[][] e) {
    List<int[]> paths = validPaths(crf, e.length);
    double[] scores = paths.stream().mapToDouble(p -> crf.score(e, p)).toArray();
    return LinearChainCrf.logSumExp(scores);
  }

  @Test
  public void gradientsMatchFiniteDifferences() {
    Random random = new Random(1);
    for (TagScheme scheme : TagScheme.values()) {
      for (int length : new int[] {1, 2, 5, 9}) {
        LinearChainCrf crf = randomCrf(scheme, random);
        int n = crf.tags().size();
        double[][] e = randomEmissions(length, n, random);
        int[] gold = crf.viterbi(randomEmissions(length, n, random));
        double[][] dE = new double[length][n];
        CrfGradient g = new CrfGradient(n);
        crf.negLogLikelihood(e, gold, dE, g);
        checkGradients(crf, e, gold, dE, g, scheme.toString());
      }
    }
  }

  @Test
  public void aPartialAnnotationSumsOverTheOpenTokensTagsAndItsGradientsMatchFiniteDifferences() {
    Random random = new Random(11);
    for (TagScheme scheme : TagScheme.values()) {
      for (int length : new int[] {1, 3, 6}) {
        LinearChainCrf crf = randomCrf(scheme, random);
        int n = crf.tags().size();
        double[][] e = randomEmissions(length, n, random);
        int[] full = crf.viterbi(randomEmissions(length, n, random));
        int[] gold = full.clone();
        for (int t = 0; t < length; t += 2) {
          gold[t] = LinearChainCrf.OPEN;
        }
        double[] allowed = validPaths(crf, length).stream().filter(path -> agrees(path, gold))
            .mapToDouble(path -> crf.score(e, path)).toArray();
        double expected = logZ(crf, e) - LinearChainCrf.logSumExp(allowed);
        double[][] dE = new double[length][n];
        CrfGradient g = new CrfGradient(n);
        assertEquals(scheme + " length " + length, expected, crf.negLogLikelihood(e, gold, dE, g), 1e-9);
        assertTrue("fixing fewer tags costs less", expected < nll(crf, e, full));
        checkGradients(crf, e, gold, dE, g, scheme.toString());
      }
    }
  }

  private static boolean agrees(int[] path, int[] partial) {
    for (int t = 0; t < path.length; t++) {
      if (partial[t] != LinearChainCrf.OPEN && partial[t] != path[t]) {
        return false;
      }
    }
    return true;
  }

  @Test
  public void aSentenceWithEveryTagOpenCostsNothingAndTeachesNothing() {
    LinearChainCrf crf = randomCrf(TagScheme.IOB2, new Random(12));
    int n = crf.tags().size();
    double[][] e = randomEmissions(4, n, new Random(13));
    int[] open = {LinearChainCrf.OPEN, LinearChainCrf.OPEN, LinearChainCrf.OPEN, LinearChainCrf.OPEN};
    double[][] dE = new double[4][n];
    CrfGradient g = new CrfGradient(n);
    assertEquals(0.0, crf.negLogLikelihood(e, open, dE, g), 1e-12);
    for (double[] row : dE) {
      for (double d : row) {
        assertEquals(0.0, d, 1e-12);
      }
    }
    for (double[] row : g.transitions) {
      for (double d : row) {
        assertEquals(0.0, d, 1e-12);
      }
    }
  }

  @Test
  public void refusesAPartialAnnotationThatNoValidPathFits() {
    LinearChainCrf crf = new LinearChainCrf(new TagSet(TagScheme.IOBES, List.of("A")));
    int inside = crf.tags().index(io.github.ctakesdtn.corpus.Tag.parse("I-A"));
    org.junit.Assert.assertThrows(IllegalArgumentException.class,
        () -> nll(crf, new double[2][5], new int[] {inside, LinearChainCrf.OPEN}));
  }

  /** The analytic gradients {@code dE} and {@code g} of the loss at {@code gold} against central differences. */
  private static void checkGradients(LinearChainCrf crf, double[][] e, int[] gold, double[][] dE, CrfGradient g,
      String what) {
    checkParameters(crf, e, gold, e, dE, what + " dE");
    checkParameters(crf, e, gold, crf.transitions(), g.transitions, what + " transitions");
    checkParameters(crf, e, gold, new double[][] {crf.start()}, new double[][] {g.start}, what + " start");
    checkParameters(crf, e, gold, new double[][] {crf.end()}, new double[][] {g.end}, what + " end");
  }

  /** Central differences of the loss in each of {@code params} (emissions or CRF weights) against {@code analytic}. */
  private static void checkParameters(LinearChainCrf crf, double[][] e, int[] gold, double[][] params,
      double[][] analytic, String what) {
    double eps = 1e-6;
    for (int i = 0; i < params.length; i++) {
      for (int j = 0; j < params[i].length; j++) {
        double original = params[i][j];
        params[i][j] = original + eps;
        double plus = nll(crf, e, gold);
        params[i][j] = original - eps;
        double minus = nll(crf, e, gold);
        params[i][j] = original;
        assertClose(what + " [" + i + "][" + j + "]", (plus - minus) / (2 * eps), analytic[i][j]);
      }
    }
  }

  private static double nll(LinearChainCrf crf, double[][] e, int[] gold) {
    int n = crf.tags().size();
    return crf.negLogLikelihood(e, gold, new double[e.length][n], new CrfGradient(n));
  }

  private static void assertClose(String what, double numeric, double analytic) {
    double error = Math.abs(numeric - analytic) / Math.max(1e-6, Math.abs(numeric) + Math.abs(analytic));
    assertTrue(what + ": numeric " + numeric + ", analytic " + analytic, error < 1e-5 || Math.abs(numeric - analytic) < 1e-8);
  }

  @Test
  public void viterbiMarginalsAndSpanProbabilitiesMatchBruteForce() {
    Random random = new Random(2);
    for (TagScheme scheme : TagScheme.values()) {
      for (int trial = 0; trial < 40; trial++) {
        LinearChainCrf crf = randomCrf(scheme, random);
        int n = crf.tags().size();
        int length = 1 + random.nextInt(4);
        double[][] e = randomEmissions(length, n, random);
        List<int[]> paths = validPaths(crf, length);
        double logZ = logZ(crf, e);
        int[] best = paths.get(0);
        double[][] marginals = new double[length][n];
        double total = 0;
        for (int[] path : paths) {
          double p = Math.exp(crf.score(e, path) - logZ);
          total += p;
          for (int t = 0; t < length; t++) {
            marginals[t][path[t]] += p;
          }
          if (crf.score(e, path) > crf.score(e, best)) {
            best = path;
          }
          assertEquals(p, Math.exp(-nll(crf, e, path)), 1e-9);
        }
        assertEquals(1.0, total, 1e-9);
        assertArrayEquals(best, crf.viterbi(e));
        double[][] computed = crf.marginals(e);
        for (int t = 0; t < length; t++) {
          assertArrayEquals(marginals[t], computed[t], 1e-9);
        }
        int first = random.nextInt(length);
        int end = first + 1 + random.nextInt(length - first);
        double span = 0;
        for (int[] path : paths) {
          boolean same = true;
          for (int t = first; t < end; t++) {
            same &= path[t] == best[t];
          }
          span += same ? Math.exp(crf.score(e, path) - logZ) : 0;
        }
        assertEquals(span, crf.spanProbability(e, best, first, end), 1e-9);
      }
    }
  }

  @Test
  public void taggingsScaledRecursionAgreesWithTrainingsLogSpaceOneOnLongSentences() {
    // Training's gradient on the emissions is marginal minus gold: the log-space recursion's marginals.
    Random random = new Random(5);
    for (TagScheme scheme : TagScheme.values()) {
      LinearChainCrf crf = randomCrf(scheme, random);
      int n = crf.tags().size();
      int length = 300;
      double[][] e = randomEmissions(length, n, random);
      for (double[] row : e) {
        for (int j = 0; j < n; j++) {
          row[j] *= 5; // scores tens apart, as a trained model's are: unscaled probabilities would underflow
        }
      }
      assertTrue(crf.scalable(e, crf.effectiveTransitions()));
      int[] path = crf.viterbi(e);
      double[][] fromTraining = new double[length][n];
      crf.negLogLikelihood(e, path, fromTraining, new CrfGradient(n));
      double[][] marginals = crf.marginals(e);
      for (int t = 0; t < length; t++) {
        fromTraining[t][path[t]] += 1;
        assertArrayEquals("position " + t, fromTraining[t], marginals[t], 1e-9);
      }
      double[] spans = crf.spanProbabilities(e, path, List.of(new TokenSpan(0, length, ""), new TokenSpan(100, 101, "")));
      assertEquals(Math.exp(-crf.negLogLikelihood(e, path, new double[length][n], new CrfGradient(n))), spans[0], 1e-9);
      assertEquals(marginals[100][path[100]], spans[1], 1e-9);
    }
  }

  @Test
  public void invalidTransitionsAreNeverDecodedAndGetNoGradient() {
    LinearChainCrf crf = new LinearChainCrf(new TagSet(TagScheme.IOB2, List.of("A", "B")));
    TagSet tags = crf.tags();
    int iA = tags.index(io.github.ctakesdtn.corpus.Tag.parse("I-A"));
    // Push hard towards the invalid start I-A and the invalid transition O -> I-A.
    crf.start()[iA] = 100;
    crf.transitions()[0][iA] = 100;
    double[][] e = new double[3][tags.size()];
    e[0][iA] = 50;
    e[2][iA] = 50;
    int[] path = crf.viterbi(e);
    assertTrue(tags.allowedStart(path[0]));
    for (int t = 1; t < path.length; t++) {
      assertTrue(tags.allowed(path[t - 1], path[t]));
    }
    CrfGradient g = new CrfGradient(tags.size());
    crf.negLogLikelihood(e, new int[] {0, 0, 0}, new double[3][tags.size()], g);
    assertEquals(0.0, g.start[iA], 0);
    assertEquals(0.0, g.transitions[0][iA], 0);
  }

  @Test
  public void tagSetsOrderTagsAndAllowOnlyValidMoves() {
    TagSet iob2 = new TagSet(TagScheme.IOB2, List.of("B", "A", "A"));
    assertEquals(List.of("O", "B-A", "I-A", "B-B", "I-B"), iob2.tagNames());
    assertTrue(iob2.allowed(1, 2));
    assertTrue(!iob2.allowed(0, 2));
    assertTrue(!iob2.allowed(3, 2));
    assertTrue(!iob2.allowedStart(2));
    TagSet iobes = new TagSet(TagScheme.IOBES, List.of("A"));
    assertEquals(List.of("O", "B-A", "I-A", "E-A", "S-A"), iobes.tagNames());
    assertTrue(iobes.allowed(1, 3));
    assertTrue(!iobes.allowed(1, 0));
    assertTrue(!iobes.allowed(3, 2));
    assertTrue(iobes.allowed(3, 4));
    assertTrue(!iobes.allowedEnd(1));
    List<TokenSpan> spans = List.of(new TokenSpan(0, 2, "A"), new TokenSpan(3, 4, "A"));
    assertEquals(spans, iobes.decode(iobes.encode(5, spans)));
  }

  @Test
  public void refusesAGoldPathTheSchemeForbids() {
    LinearChainCrf crf = new LinearChainCrf(new TagSet(TagScheme.IOBES, List.of("A")));
    int begin = crf.tags().index(io.github.ctakesdtn.corpus.Tag.parse("B-A"));
    org.junit.Assert.assertThrows(IllegalArgumentException.class, () -> nll(crf, new double[2][5], new int[] {0, begin}));
  }

  @Test
  public void anEmptySentenceCostsNothing() {
    LinearChainCrf crf = randomCrf(TagScheme.IOBES, new Random(8));
    CrfGradient gradient = new CrfGradient(crf.tags().size());
    assertEquals(0.0, crf.negLogLikelihood(new double[0][], new int[0], new double[0][], gradient), 0);
    assertEquals(0, crf.viterbi(new double[0][]).length);
    assertEquals(0, crf.marginals(new double[0][]).length);
  }

  @Test
  public void staysFiniteOnLongSentencesWithHugeScores() {
    // Scores hundreds apart: tagging falls back to the log-space recursion.
    Random random = new Random(9);
    LinearChainCrf crf = randomCrf(TagScheme.IOBES, random);
    int n = crf.tags().size();
    double[][] e = randomEmissions(300, n, random);
    for (double[] row : e) {
      for (int j = 0; j < n; j++) {
        row[j] *= 200;
      }
    }
    int[] best = crf.viterbi(e);
    double bestLoss = nll(crf, e, best);
    assertTrue("NLL " + bestLoss, Double.isFinite(bestLoss) && bestLoss >= 0);
    for (double[] row : crf.marginals(e)) {
      assertEquals(1.0, java.util.Arrays.stream(row).sum(), 1e-9);
    }
    int[] other = crf.viterbi(randomEmissions(300, n, random));
    assertTrue(nll(crf, e, other) >= bestLoss);
  }
}
