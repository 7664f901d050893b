package io.github.ctakesdtn.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every trainable parameter of a network, in a fixed order, and their exchange with the DL4J graph
 * they mirror. Gradient buffers ({@link Gradients}) and the optimizer index parameters by their
 * position here.
 */
public final class Params {
  private final List<Param> all = new ArrayList<>();

  /** Registers a parameter and returns it. */
  public Param add(Param param) {
    if (param.index >= 0) {
      throw new IllegalArgumentException("already registered: " + param);
    }
    param.index = all.size();
    all.add(param);
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

  /** Reads every parameter's values from the graph. */
  public void readFrom(ComputationGraph graph) {
    for (Map.Entry<String, List<Param>> entry : byGraphParameter().entrySet()) {
      float[] flat = graphParameter(graph, entry.getValue().get(0)).castTo(DataType.FLOAT).dup('c').data().asFloat();
      for (Param param : entry.getValue()) {
        param.readFrom(flat);
      }
    }
  }

  /** Writes every parameter's values into the graph. */
  public void writeTo(ComputationGraph graph) {
    for (Map.Entry<String, List<Param>> entry : byGraphParameter().entrySet()) {
      INDArray target = graphParameter(graph, entry.getValue().get(0));
      float[] flat = target.castTo(DataType.FLOAT).dup('c').data().asFloat();
      for (Param param : entry.getValue()) {
        param.writeTo(flat);
      }
      target.assign(Nd4j.create(flat, target.shape(), 'c').castTo(target.dataType()));
    }
  }

  /**
   * The gradient of one DL4J parameter ({@code length} values, 'c' order) assembled from the
   * gradients of the parameters that make it up.
   */
  public float[] gradientOf(Gradients gradients, String vertex, String key, int length) {
    float[] flat = new float[length];
    List<Param> parts = byGraphParameter().get(vertex + "/" + key);
    if (parts == null) {
      throw new IllegalArgumentException("no parameter " + vertex + "/" + key);
    }
    for (Param param : parts) {
      param.scatter(gradients.of(param), flat);
    }
    return flat;
  }

  private Map<String, List<Param>> byGraphParameter() {
    Map<String, List<Param>> groups = new LinkedHashMap<>();
    for (Param param : all) {
      groups.computeIfAbsent(param.vertex + "/" + param.key, k -> new ArrayList<>()).add(param);
    }
    return groups;
  }

  private static INDArray graphParameter(ComputationGraph graph, Param param) {
    if (graph.getVertex(param.vertex) == null) {
      throw new IllegalArgumentException("the network has no vertex " + param.vertex);
    }
    INDArray array = graph.getVertex(param.vertex).paramTable(false).get(param.key);
    if (array == null) {
      throw new IllegalArgumentException("vertex " + param.vertex + " has no parameter " + param.key);
    }
    return array;
  }
}
