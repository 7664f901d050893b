package io.github.ctakesdtn.nn;

import java.util.Arrays;

/**
 * A named parameter tensor of a network, as a model file stores it: {@code layer.key} (e.g.
 * {@code target.words.forward.W}) and its shape. Gradient clipping treats the tensors of one
 * layer together.
 */
public record Tensor(String layer, String key, int[] shape) {
  public Tensor {
    shape = shape.clone();
  }

  public static Tensor of(String layer, String key, int... shape) {
    return new Tensor(layer, key, shape);
  }

  public String name() {
    return layer + "." + key;
  }

  public int[] shape() {
    return shape.clone();
  }

  public int length() {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor t && layer.equals(t.layer) && key.equals(t.key) && Arrays.equals(shape, t.shape);
  }

  @Override
  public int hashCode() {
    return name().hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name() + Arrays.toString(shape);
  }
}
