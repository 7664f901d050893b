package io.github.ctakesdtn.model;

import io.github.ctakesdtn.corpus.TokenSpan;
import java.util.Arrays;
import java.util.List;

/**
 * A linear-chain CRF over a {@link TagSet}, in double precision and log space: the score of a tag
 * path is {@code start[y0] + sum_t E[t][y_t] + sum_t transitions[y_t-1][y_t] + end[y_T-1]}, and
 * paths with an invalid start, transition or end have probability zero whatever the parameters.
 * Exact negative log-likelihood and gradients by forward-backward, Viterbi decoding, marginals and
 * span probabilities. Methods allocate their own work arrays, so concurrent calls are safe while
 * the parameters are not being changed.
 */
public final class LinearChainCrf {
  private static final double IMPOSSIBLE = Double.NEGATIVE_INFINITY;
  /** A gold tag that leaves its token's tag open: the loss sums over every tag there. */
  public static final int OPEN = -1;

  private final TagSet tags;
  private final int n;
  private final double[][] transitions;
  private final double[] start;
  private final double[] end;

  public LinearChainCrf(TagSet tags) {
    this.tags = tags;
    this.n = tags.size();
    this.transitions = new double[n][n];
    this.start = new double[n];
    this.end = new double[n];
  }

  public TagSet tags() {
    return tags;
  }

  /** Live parameter arrays [from][to], changed in place by optimizers and loaders. */
  public double[][] transitions() {
    return transitions;
  }

  public double[] start() {
    return start;
  }

  public double[] end() {
    return end;
  }

  private double transition(int from, int to) {
    return tags.allowed(from, to) ? transitions[from][to] : IMPOSSIBLE;
  }

  private double startScore(int tag) {
    return tags.allowedStart(tag) ? start[tag] : IMPOSSIBLE;
  }

  private double endScore(int tag) {
    return tags.allowedEnd(tag) ? end[tag] : IMPOSSIBLE;
  }

  /** Transition scores with invalid ones at minus infinity, computed once per call. */
  double[][] effectiveTransitions() {
    double[][] effective = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        effective[i][j] = transition(i, j);
      }
    }
    return effective;
  }

  private double[][] forward(double[][] e, double[][] trans) {
    int length = e.length;
    double[][] alpha = new double[length][n];
    for (int j = 0; j < n; j++) {
      alpha[0][j] = startScore(j) + e[0][j];
    }
    double[] terms = new double[n];
    for (int t = 1; t < length; t++) {
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < n; i++) {
          terms[i] = alpha[t - 1][i] + trans[i][j];
        }
        alpha[t][j] = logSumExp(terms) + e[t][j];
      }
    }
    return alpha;
  }

  private double[][] backward(double[][] e, double[][] trans) {
    int length = e.length;
    double[][] beta = new double[length][n];
    for (int i = 0; i < n; i++) {
      beta[length - 1][i] = endScore(i);
    }
    double[] terms = new double[n];
    for (int t = length - 2; t >= 0; t--) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          terms[j] = trans[i][j] + e[t + 1][j] + beta[t + 1][j];
        }
        beta[t][i] = logSumExp(terms);
      }
    }
    return beta;
  }

  /*
   * The same forward and backward log scores as forward() and backward(), computed the way tagging
   * can afford: in probabilities, rescaled at each position, with the scale's log carried along.
   * That takes n exponentials and 2n logarithms a token instead of n^2 exponentials, which with
   * four labels in IOBES (17 tags) were most of the tagging time. A probability a step scales down
   * by more than about e^-700 would round to 0, so scores that far apart (a trained model's are
   * tens apart) go through the log-space recursion instead. Training keeps the log-space
   * recursion its recorded results were made with; tests hold both to brute-force enumeration and
   * to each other on long sentences.
   */

  /** Scores spread by at most this within a position and within the transitions take the scaled recursion. */
  private static final double SCALABLE_SPREAD = 100;

  /** Transitions, forward and backward log scores and log Z, as tagging computes them. */
  private record TaggingPasses(double[][] trans, double[][] alpha, double[][] beta, double logZ) {}

  /** Emissions as {@code exp(e[t][j] - max[t])}, each position's row scaled by its own maximum. */
  private record ScaledEmissions(double[][] exp, double[] max) {
    static ScaledEmissions of(double[][] e) {
      double[][] exp = new double[e.length][];
      double[] max = new double[e.length];
      for (int t = 0; t < e.length; t++) {
        max[t] = LinearChainCrf.max(e[t]);
        exp[t] = new double[e[t].length];
        for (int j = 0; j < e[t].length; j++) {
          exp[t][j] = Math.exp(e[t][j] - max[t]);
        }
      }
      return new ScaledEmissions(exp, max);
    }
  }

  private TaggingPasses taggingPasses(double[][] e) {
    double[][] trans = effectiveTransitions();
    if (!scalable(e, trans)) {
      double[][] alpha = forward(e, trans);
      return new TaggingPasses(trans, alpha, backward(e, trans), logPartition(alpha));
    }
    double[][] expTrans = exponentiated(trans);
    ScaledEmissions scaledE = ScaledEmissions.of(e); // both passes use each position's exponentials
    double[][] alpha = scaledForward(e, scaledE, expTrans);
    return new TaggingPasses(trans, alpha, scaledBackward(e, scaledE, expTrans), logPartition(alpha));
  }

  boolean scalable(double[][] e, double[][] trans) {
    double[] scores = new double[n * n + 2 * n];
    int k = 0;
    for (double[] row : trans) {
      for (double v : row) {
        scores[k++] = v;
      }
    }
    for (int j = 0; j < n; j++) {
      scores[k++] = startScore(j);
      scores[k++] = endScore(j);
    }
    if (spread(scores) > SCALABLE_SPREAD) {
      return false;
    }
    for (double[] row : e) {
      if (spread(row) > SCALABLE_SPREAD) {
        return false;
      }
    }
    return true;
  }

  /** Largest minus smallest finite value. */
  private static double spread(double[] values) {
    double max = IMPOSSIBLE;
    double min = Double.POSITIVE_INFINITY;
    for (double v : values) {
      if (v != IMPOSSIBLE) {
        max = Math.max(max, v);
        min = Math.min(min, v);
      }
    }
    return max == IMPOSSIBLE ? 0 : max - min;
  }

  private double[][] scaledForward(double[][] e, ScaledEmissions scaledE, double[][] expTrans) {
    int length = e.length;
    double[][] alpha = new double[length][n];
    double[] scaled = new double[n];
    for (int j = 0; j < n; j++) {
      alpha[0][j] = startScore(j) + e[0][j];
    }
    double logScale = toScaled(alpha[0], scaled);
    double[] next = new double[n];
    for (int t = 1; t < length; t++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
          sum += scaled[i] * expTrans[i][j];
        }
        next[j] = sum * scaledE.exp[t][j];
      }
      logScale += scaledE.max[t] + normalise(next);
      fromScaled(next, logScale, alpha[t]);
      System.arraycopy(next, 0, scaled, 0, n);
    }
    return alpha;
  }

  private double[][] scaledBackward(double[][] e, ScaledEmissions scaledE, double[][] expTrans) {
    int length = e.length;
    double[][] beta = new double[length][n];
    double[] scaled = new double[n];
    for (int i = 0; i < n; i++) {
      beta[length - 1][i] = endScore(i);
    }
    double logScale = toScaled(beta[length - 1], scaled);
    double[] weighted = new double[n];
    double[] next = new double[n];
    for (int t = length - 2; t >= 0; t--) {
      for (int j = 0; j < n; j++) {
        weighted[j] = scaled[j] * scaledE.exp[t + 1][j];
      }
      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
          sum += expTrans[i][j] * weighted[j];
        }
        next[i] = sum;
      }
      logScale += scaledE.max[t + 1] + normalise(next);
      fromScaled(next, logScale, beta[t]);
      System.arraycopy(next, 0, scaled, 0, n);
    }
    return beta;
  }

  private static double[][] exponentiated(double[][] logValues) {
    double[][] exp = new double[logValues.length][];
    for (int i = 0; i < logValues.length; i++) {
      exp[i] = new double[logValues[i].length];
      for (int j = 0; j < logValues[i].length; j++) {
        exp[i][j] = Math.exp(logValues[i][j]); // 0 where not allowed (minus infinity)
      }
    }
    return exp;
  }

  private static double max(double[] values) {
    double max = IMPOSSIBLE;
    for (double v : values) {
      max = Math.max(max, v);
    }
    return max;
  }

  /** Writes {@code exp(logValues - max)} into {@code scaled}; returns the max (the scale's log). */
  private static double toScaled(double[] logValues, double[] scaled) {
    double max = max(logValues);
    if (max == IMPOSSIBLE) {
      Arrays.fill(scaled, 0);
      return IMPOSSIBLE;
    }
    for (int j = 0; j < scaled.length; j++) {
      scaled[j] = Math.exp(logValues[j] - max);
    }
    return max;
  }

  /** Divides {@code values} by their sum and returns the sum's log (minus infinity when all are 0). */
  private static double normalise(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    if (sum > 0) {
      for (int j = 0; j < values.length; j++) {
        values[j] /= sum;
      }
    }
    return Math.log(sum);
  }

  private static void fromScaled(double[] scaled, double logScale, double[] logValues) {
    for (int j = 0; j < scaled.length; j++) {
      logValues[j] = Math.log(scaled[j]) + logScale;
    }
  }

  private double logPartition(double[][] alpha) {
    double[] terms = new double[n];
    double[] last = alpha[alpha.length - 1];
    for (int j = 0; j < n; j++) {
      terms[j] = last[j] + endScore(j);
    }
    return logSumExp(terms);
  }

  /** Score of a tag path (minus infinity when it is invalid). */
  public double score(double[][] e, int[] path) {
    double s = startScore(path[0]) + e[0][path[0]] + endScore(path[path.length - 1]);
    for (int t = 1; t < path.length; t++) {
      s += transition(path[t - 1], path[t]) + e[t][path[t]];
    }
    return s;
  }

  /**
   * {@code log Z - score(gold)}; writes d/dE into {@code dEmissions} and ADDS the gradients of
   * transitions, start and end into {@code gradient}. Where {@code gold} holds {@link #OPEN} the
   * loss is {@code log Z} less the log of the summed scores of every valid path through the tags it
   * fixes (learning from a partial annotation, Tsuboi et al. 2008).
   */
  public double negLogLikelihood(double[][] e, int[] gold, double[][] dEmissions, CrfGradient gradient) {
    int length = e.length;
    if (length == 0) {
      return 0;
    }
    if (gold.length != length) {
      throw new IllegalArgumentException("gold path has " + gold.length + " tags for " + length + " tokens");
    }
    if (Arrays.stream(gold).anyMatch(tag -> tag == OPEN)) {
      return partialNegLogLikelihood(e, gold, dEmissions, gradient);
    }
    double goldScore = score(e, gold);
    if (goldScore == IMPOSSIBLE) {
      throw new IllegalArgumentException("the gold tag path is not a valid " + tags.scheme() + " sequence");
    }
    return addExpectations(e, effectiveTransitions(), 1, gold, dEmissions, gradient) - goldScore;
  }

  /** The loss and gradients of a partial annotation: the expectations over all paths less those over the paths it allows. */
  private double partialNegLogLikelihood(double[][] e, int[] gold, double[][] dEmissions, CrfGradient gradient) {
    double[][] allowed = new double[e.length][];
    for (int t = 0; t < e.length; t++) {
      if (gold[t] == OPEN) {
        allowed[t] = e[t];
      } else {
        allowed[t] = new double[n];
        Arrays.fill(allowed[t], IMPOSSIBLE);
        allowed[t][gold[t]] = e[t][gold[t]];
      }
    }
    double[][] trans = effectiveTransitions();
    double[][] allowedGradient = new double[e.length][n];
    double logZ = addExpectations(e, trans, 1, null, dEmissions, gradient);
    double logAllowed = addExpectations(allowed, trans, -1, null, allowedGradient, gradient);
    if (logAllowed == IMPOSSIBLE) {
      throw new IllegalArgumentException("the gold tags fix no valid " + tags.scheme() + " sequence");
    }
    for (int t = 0; t < e.length; t++) {
      for (int j = 0; j < n; j++) {
        dEmissions[t][j] += allowedGradient[t][j];
      }
    }
    return logZ - logAllowed;
  }

  /**
   * Writes {@code sign} times each tag's marginal probability into {@code dEmissions} and ADDS
   * {@code sign} times the expected start, end and transition counts into {@code gradient}, less the
   * counts of {@code gold} when it is given (subtracted in the order the recorded results were made
   * with); returns {@code log Z} of these emissions.
   */
  private double addExpectations(double[][] e, double[][] trans, int sign, int[] gold, double[][] dEmissions,
      CrfGradient gradient) {
    int length = e.length;
    double[][] alpha = forward(e, trans);
    double[][] beta = backward(e, trans);
    double logZ = logPartition(alpha);
    for (int t = 0; t < length; t++) {
      for (int j = 0; j < n; j++) {
        dEmissions[t][j] = sign * Math.exp(alpha[t][j] + beta[t][j] - logZ);
      }
      if (gold != null) {
        dEmissions[t][gold[t]] -= 1;
      }
    }
    for (int j = 0; j < n; j++) {
      if (tags.allowedStart(j)) {
        gradient.start[j] += sign * Math.exp(alpha[0][j] + beta[0][j] - logZ);
      }
      if (tags.allowedEnd(j)) {
        gradient.end[j] += sign * Math.exp(alpha[length - 1][j] + beta[length - 1][j] - logZ);
      }
    }
    if (gold != null) {
      gradient.start[gold[0]] -= 1;
      gradient.end[gold[length - 1]] -= 1;
    }
    for (int t = 1; t < length; t++) {
      for (int i = 0; i < n; i++) {
        if (alpha[t - 1][i] == IMPOSSIBLE) {
          continue;
        }
        for (int j = 0; j < n; j++) {
          if (trans[i][j] != IMPOSSIBLE) {
            gradient.transitions[i][j] += sign * Math.exp(alpha[t - 1][i] + trans[i][j] + e[t][j] + beta[t][j] - logZ);
          }
        }
      }
      if (gold != null) {
        gradient.transitions[gold[t - 1]][gold[t]] -= 1;
      }
    }
    return logZ;
  }

  /** The highest-scoring valid tag path. */
  public int[] viterbi(double[][] e) {
    int length = e.length;
    if (length == 0) {
      return new int[0];
    }
    double[][] trans = effectiveTransitions();
    double[] best = new double[n];
    int[][] back = new int[length][n];
    for (int j = 0; j < n; j++) {
      best[j] = startScore(j) + e[0][j];
    }
    for (int t = 1; t < length; t++) {
      double[] next = new double[n];
      for (int j = 0; j < n; j++) {
        double top = IMPOSSIBLE;
        int arg = 0;
        for (int i = 0; i < n; i++) {
          double s = best[i] + trans[i][j];
          if (s > top) {
            top = s;
            arg = i;
          }
        }
        next[j] = top + e[t][j];
        back[t][j] = arg;
      }
      best = next;
    }
    double top = IMPOSSIBLE;
    int last = 0;
    for (int j = 0; j < n; j++) {
      double s = best[j] + endScore(j);
      if (s > top) {
        top = s;
        last = j;
      }
    }
    int[] path = new int[length];
    path[length - 1] = last;
    for (int t = length - 1; t > 0; t--) {
      path[t - 1] = back[t][path[t]];
    }
    return path;
  }

  /** {@code P(y_t = j)} for every position and tag. */
  public double[][] marginals(double[][] e) {
    if (e.length == 0) {
      return new double[0][];
    }
    TaggingPasses passes = taggingPasses(e);
    double[][] p = new double[e.length][n];
    for (int t = 0; t < e.length; t++) {
      for (int j = 0; j < n; j++) {
        p[t][j] = Math.exp(passes.alpha[t][j] + passes.beta[t][j] - passes.logZ);
      }
    }
    return p;
  }

  /** The probability that positions {@code [first, end)} carry exactly {@code path}'s tags there. */
  public double spanProbability(double[][] e, int[] path, int first, int end) {
    return spanProbabilities(e, path, List.of(new TokenSpan(first, end, "")))[0];
  }

  /** {@link #spanProbability} for several spans of one path, with one forward-backward pass. */
  public double[] spanProbabilities(double[][] e, int[] path, List<TokenSpan> spans) {
    TaggingPasses passes = taggingPasses(e);
    double[] probabilities = new double[spans.size()];
    for (int s = 0; s < spans.size(); s++) {
      int first = spans.get(s).first();
      int end = spans.get(s).end();
      double log = passes.alpha[first][path[first]] + passes.beta[end - 1][path[end - 1]] - passes.logZ;
      for (int t = first + 1; t < end; t++) {
        log += passes.trans[path[t - 1]][path[t]] + e[t][path[t]];
      }
      probabilities[s] = Math.exp(log);
    }
    return probabilities;
  }

  static double logSumExp(double[] values) {
    double max = IMPOSSIBLE;
    for (double v : values) {
      max = Math.max(max, v);
    }
    if (max == IMPOSSIBLE) {
      return IMPOSSIBLE;
    }
    double sum = 0;
    for (double v : values) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum);
  }
}
