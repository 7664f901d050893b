package io.github.ctakesdtn.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Every trainable parameter of a network in a fixed order, and the named tensors they make up.
 * Gradient buffers ({@link Gradients}) and the optimizer index parameters by their position here;
 * a model file reads and writes the tensors.
 */
public final class Params {
  private final List<Param> all = new ArrayList<>();
  private final Map<String, List<Param>> byTensor = new LinkedHashMap<>();
  private final Map<String, Tensor> tensors = new LinkedHashMap<>();

  /** Registers a parameter and returns it. */
  public Param add(Param param) {
    if (param.index >= 0) {
      throw new IllegalArgumentException("already registered: " + param);
    }
    Tensor known = tensors.putIfAbsent(param.tensor.name(), param.tensor);
    if (known != null && !known.equals(param.tensor)) {
      throw new IllegalArgumentException("tensor " + known + " declared again as " + param.tensor);
    }
    param.index = all.size();
    all.add(param);
    byTensor.computeIfAbsent(param.tensor.name(), k -> new ArrayList<>()).add(param);
    return param;
  }

  public List<Param> all() {
    return all;
  }

  /** How many parameters are registered: a mark for {@link #since}. */
  public int size() {
    return all.size();
  }

  /** The parameters registered after {@code mark}: those of the layers built in between. */
  public List<Param> since(int mark) {
    return List.copyOf(all.subList(mark, all.size()));
  }

  /** The tensors, in the order their first parameter was registered. */
  public List<Tensor> tensors() {
    return List.copyOf(tensors.values());
  }

  public Tensor tensor(String name) {
    Tensor tensor = tensors.get(name);
    if (tensor == null) {
      throw new IllegalArgumentException("the network has no tensor " + name);
    }
    return tensor;
  }

  /** The parameters that make up a tensor. */
  public List<Param> of(Tensor tensor) {
    return byTensor.get(tensor(tensor.name()).name());
  }

  /** Draws every parameter from its {@link Param.Init}; each tensor from its own seeded stream. */
  public void initialise(long seed) {
    for (Map.Entry<String, List<Param>> entry : byTensor.entrySet()) {
      SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ entry.getKey().hashCode());
      entry.getValue().forEach(p -> p.initialise(random));
    }
  }

  /** A tensor's values in row-major order. */
  public float[] values(Tensor tensor) {
    float[] flat = new float[tensor.length()];
    for (Param p : of(tensor)) {
      p.scatter(p.value, flat);
    }
    return flat;
  }

  /** Sets a tensor from its values in row-major order. */
  public void setValues(Tensor tensor, float[] flat) {
    if (flat.length != tensor.length()) {
      throw new IllegalArgumentException(tensor + " needs " + tensor.length() + " values, got " + flat.length);
    }
    for (Param p : of(tensor)) {
      p.read(flat);
    }
  }

  /** A tensor's gradient in row-major order, assembled from its parameters' gradients. */
  public float[] gradient(Gradients gradients, Tensor tensor) {
    float[] flat = new float[tensor.length()];
    for (Param p : of(tensor)) {
      p.scatter(gradients.of(p), flat);
    }
    return flat;
  }

  /** A copy of every parameter's values, for {@link #restore}. */
  public float[][][] snapshot() {
    float[][][] copy = new float[all.size()][][];
    for (Param p : all) {
      copy[p.index] = new float[p.rows()][];
      for (int r = 0; r < p.rows(); r++) {
        copy[p.index][r] = p.value[r].clone();
      }
    }
    return copy;
  }

  public void restore(float[][][] snapshot) {
    for (Param p : all) {
      for (int r = 0; r < p.rows(); r++) {
        System.arraycopy(snapshot[p.index][r], 0, p.value[r], 0, p.columns());
      }
    }
  }
}
