package io.github.ctakesdtn.nn;

import java.util.Arrays;

/**
 * A character embedding (tensor {@code embedding.W} [characters, dims]), a convolution over the
 * word's characters (same padding, tanh; tensors {@code cnn.W} [width, dims, filters] and
 * {@code cnn.b} [filters]) and max pooling over positions (Ma and Hovy 2016).
 */
public final class CharCnnLayer implements CharLayer {
  private final int dims;
  private final int filters;
  private final int width;
  private final int characters;
  private final Param embedding;
  private final Param[] kernel;
  private final Param bias;
  private float[][][] kernelT;

  /** Layers {@code prefix.embedding} and {@code prefix.cnn}. */
  public CharCnnLayer(Params params, String prefix, int characters, int dims, int filters, int width) {
    this.dims = dims;
    this.filters = filters;
    this.width = width;
    this.characters = characters;
    this.embedding = params.add(Param.matrix(Tensor.of(prefix + ".embedding", "W", characters, dims), characters, dims,
        Param.Init.xavier(1, dims)));
    Tensor w = Tensor.of(prefix + ".cnn", "W", width, dims, filters);
    // Glorot's fans of a 2-D convolution with a square window, as DL4J draws its 1-D convolution.
    Param.Init init = Param.Init.xavier((double) width * width * dims, (double) width * width * filters);
    this.kernel = new Param[width];
    for (int k = 0; k < width; k++) {
      int offset = k * dims;
      kernel[k] = params.add(new Param(w, dims, filters, (d, f) -> (offset + d) * filters + f, init));
    }
    this.bias = params.add(Param.matrix(Tensor.of(prefix + ".cnn", "b", filters), 1, filters, Param.Init.zero()));
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

  /** Max pooling: keeps each filter's largest activation and where it was. */
  private static void pool(float[] z, int p, float[] features, int[] argmax) {
    for (int f = 0; f < features.length; f++) {
      if (z[f] > features[f]) {
        features[f] = z[f];
        if (argmax != null) {
          argmax[f] = p;
        }
      }
    }
  }

  private float[] emptyFeatures() {
    float[] features = new float[filters];
    Arrays.fill(features, Float.NEGATIVE_INFINITY);
    return features;
  }

  // --- tagging -----------------------------------------------------------------------------------

  /**
   * The convolution is linear in the embeddings, so each (window offset, character) pair's
   * contribution to the filters is computed once: a word then costs one vector add per character
   * and offset.
   */
  @Override
  public Encoder inference(GateObserver gates) {
    float[][] contributions = new float[width * characters][];
    for (int k = 0; k < width; k++) {
      for (int ch = 0; ch < characters; ch++) {
        float[] row = new float[filters];
        Kernels.multiplyAdd(embedding.value[ch], 0, kernel[k].value, row);
        contributions[k * characters + ch] = row;
      }
    }
    float[] b = bias.value[0].clone();
    int left = (width - 1) / 2;
    return (chars, n) -> {
      float[] features = emptyFeatures();
      float[] column = new float[filters];
      for (int p = 0; p < n; p++) {
        System.arraycopy(b, 0, column, 0, filters);
        for (int k = 0; k < width; k++) {
          int q = p + k - left;
          if (q >= 0 && q < n) {
            Kernels.add(contributions[k * characters + chars[q]], column);
          }
        }
        Activations.tanh(column);
        pool(column, p, features, null);
      }
      return features;
    };
  }

  // --- training ----------------------------------------------------------------------------------

  private record CnnTrace(int[] chars, int n, float[][] activations, int[] argmax, float[] features)
      implements Trace {}

  @Override
  public Trace forward(int[] chars, int n) {
    int left = (width - 1) / 2;
    float[][] activations = new float[n][];
    float[] features = emptyFeatures();
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
      pool(z, p, features, argmax);
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
