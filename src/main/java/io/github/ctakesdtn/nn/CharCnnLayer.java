package io.github.ctakesdtn.nn;

import java.util.Arrays;

/**
 * DL4J's character embedding, {@code Convolution1DLayer} (same padding, tanh) and max pooling over
 * a word's characters, for training. The kernel's values, in the order DL4J M2.1's convolution
 * reads them ([width, dims, filters], see FusedNetworkTest), become one matrix [dims][filters] per
 * window offset.
 */
public final class CharCnnLayer implements CharLayer {
  private final int dims;
  private final int filters;
  private final int width;
  private final Param embedding;
  private final Param[] kernel;
  private final Param bias;
  private float[][][] kernelT;

  public CharCnnLayer(Params params, String prefix, int characters, int dims, int filters, int width) {
    this.dims = dims;
    this.filters = filters;
    this.width = width;
    this.embedding = params.add(Param.matrix(prefix + "charEmbedding", "W", characters, dims));
    this.kernel = new Param[width];
    for (int k = 0; k < width; k++) {
      int offset = k * dims;
      kernel[k] = params.add(new Param(prefix + "charCnn", "W", dims, filters, (d, f) -> (offset + d) * filters + f));
    }
    this.bias = params.add(Param.matrix(prefix + "charCnn", "b", 1, filters));
  }

  @Override
  public int size() {
    return filters;
  }

  @Override
  public void refresh() {
    kernelT = new float[width][][];
    for (int k = 0; k < width; k++) {
      kernelT[k] = Kernels.transpose(kernel[k].value);
    }
  }

  private record CnnTrace(int[] chars, int n, float[][] activations, int[] argmax, float[] features)
      implements Trace {}

  @Override
  public Trace forward(int[] chars, int n) {
    int left = (width - 1) / 2;
    float[][] activations = new float[n][];
    float[] features = new float[filters];
    Arrays.fill(features, Float.NEGATIVE_INFINITY);
    int[] argmax = new int[filters];
    for (int p = 0; p < n; p++) {
      float[] z = bias.value[0].clone();
      for (int k = 0; k < width; k++) {
        int q = p + k - left;
        if (q >= 0 && q < n) {
          Kernels.multiplyAdd(embedding.value[chars[q]], 0, kernel[k].value, z);
        }
      }
      Activations.tanh(z);
      activations[p] = z;
      for (int f = 0; f < filters; f++) {
        if (z[f] > features[f]) {
          features[f] = z[f];
          argmax[f] = p;
        }
      }
    }
    return new CnnTrace(chars.clone(), n, activations, argmax, features);
  }

  @Override
  public void backward(Trace trace, float[] dFeatures, Gradients grads) {
    CnnTrace t = (CnnTrace) trace;
    int left = (width - 1) / 2;
    float[][] dz = new float[t.n][];
    for (int f = 0; f < filters; f++) {
      int p = t.argmax[f];
      if (dz[p] == null) {
        dz[p] = new float[filters];
      }
      float a = t.activations[p][f];
      dz[p][f] += dFeatures[f] * (1 - a * a);
    }
    float[][] dEmbedding = grads.of(embedding);
    float[] dBias = grads.of(bias)[0];
    for (int p = 0; p < t.n; p++) {
      if (dz[p] == null) {
        continue;
      }
      Kernels.add(dz[p], dBias);
      for (int k = 0; k < width; k++) {
        int q = p + k - left;
        if (q >= 0 && q < t.n) {
          int ch = t.chars[q];
          Kernels.outerAdd(embedding.value[ch], 0, dims, dz[p], grads.of(kernel[k]), 0);
          Kernels.multiplyAdd(dz[p], 0, kernelT[k], dEmbedding[ch]);
        }
      }
    }
  }
}
