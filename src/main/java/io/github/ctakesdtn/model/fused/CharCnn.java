package io.github.ctakesdtn.model.fused;

import io.github.ctakesdtn.nn.Activations;
import io.github.ctakesdtn.nn.Kernels;

/**
 * DL4J's character embedding, {@code Convolution1DLayer} (same padding, tanh) and max pooling over
 * the word's characters. The convolution is linear in the embeddings, so each (window offset,
 * character) pair's contribution to the filters is computed once when the model loads: a word then
 * costs one vector add per character and offset.
 */
final class CharCnn implements CharEncoder {
  private final int filters;
  private final int width;
  private final int characters;
  private final float[] bias;
  /** Row {@code k * characters + ch}: the filters' responses to character ch at window offset k. */
  private final float[][] contributions;

  /**
   * @param embedding [characters, dims] row-major
   * @param kernel the layer's W in its 'c' order: DL4J M2.1 declares it [nOut, nIn, k, 1] but its
   *     convolution reads the values as [width, dims, filters] (found by probing, and held by
   *     FusedNetworkTest)
   */
  CharCnn(float[] embedding, int dims, float[] kernel, float[] bias, int width) {
    this.filters = bias.length;
    this.width = width;
    this.characters = embedding.length / dims;
    if (kernel.length != filters * dims * width) {
      throw new IllegalArgumentException("character CNN kernel has " + kernel.length + " weights, expected "
          + filters * dims * width);
    }
    this.bias = bias;
    this.contributions = new float[width * characters][filters];
    for (int k = 0; k < width; k++) {
      for (int ch = 0; ch < characters; ch++) {
        for (int f = 0; f < filters; f++) {
          float sum = 0;
          for (int d = 0; d < dims; d++) {
            sum += kernel[(k * dims + d) * filters + f] * embedding[ch * dims + d];
          }
          contributions[k * characters + ch][f] = sum;
        }
      }
    }
  }

  @Override
  public int size() {
    return filters;
  }

  @Override
  public float[] encode(int[] chars, int n) {
    int left = (width - 1) / 2;
    float[] features = new float[filters];
    java.util.Arrays.fill(features, Float.NEGATIVE_INFINITY);
    float[] column = new float[filters];
    for (int p = 0; p < n; p++) {
      System.arraycopy(bias, 0, column, 0, filters);
      for (int k = 0; k < width; k++) {
        int q = p + k - left;
        if (q >= 0 && q < n) {
          Kernels.add(contributions[k * characters + chars[q]], column);
        }
      }
      Activations.tanh(column);
      for (int f = 0; f < filters; f++) {
        features[f] = Math.max(features[f], column[f]);
      }
    }
    return features;
  }
}
