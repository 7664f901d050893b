package io.github.ctakesdtn.model.fused;

/**
 * Float exp, sigmoid and tanh accurate to a few float ulps and several times cheaper than
 * {@link Math#exp}: an LSTM step spends a large share of its time in them. exp splits
 * {@code x * log2(e)} into an integer n and a fraction f in [-0.5, 0.5], takes 2^f from its Taylor
 * series to degree 7 (truncation error below 2e-8 relative) and 2^n from the float exponent bits.
 */
final class FastMath {
  private static final float LOG2E = 1.44269504088896341f;
  private static final float LN2 = 0.693147180559945309f;
  // ln(2)^k / k!, the Taylor coefficients of 2^f = e^(f ln 2).
  private static final float C1 = LN2;
  private static final float C2 = C1 * LN2 / 2;
  private static final float C3 = C2 * LN2 / 3;
  private static final float C4 = C3 * LN2 / 4;
  private static final float C5 = C4 * LN2 / 5;
  private static final float C6 = C5 * LN2 / 6;
  private static final float C7 = C6 * LN2 / 7;

  private FastMath() {}

  static float exp(float x) {
    if (x < -87f) {
      return 0f;
    }
    if (x > 88f) {
      return Float.POSITIVE_INFINITY;
    }
    float t = x * LOG2E;
    int n = (int) Math.floor(t + 0.5f);
    float f = t - n;
    float p = 1f + f * (C1 + f * (C2 + f * (C3 + f * (C4 + f * (C5 + f * (C6 + f * C7))))));
    return p * Float.intBitsToFloat((n + 127) << 23);
  }

  static float sigmoid(float x) {
    return 1f / (1f + exp(-x));
  }

  static float tanh(float x) {
    // 1 - 2/(e^2x + 1) loses nothing near 0 in absolute terms, which is what the network sees.
    return 1f - 2f / (exp(2f * x) + 1f);
  }
}
