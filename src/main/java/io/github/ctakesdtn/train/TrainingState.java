package io.github.ctakesdtn.train;

import com.google.gson.JsonObject;
import io.github.ctakesdtn.nn.Param;
import io.github.ctakesdtn.nn.Params;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a checkpoint holds: named numbers and flags ({@link #values}) and named arrays (parameters,
 * optimizer moments, ...), which {@link CheckpointFile} writes and reads. Getters check that an
 * array is there with the shape the caller's network needs, and otherwise name the checkpoint.
 */
public final class TrainingState {
  private final String source;
  private final JsonObject values;
  private final Map<String, float[][]> floats = new LinkedHashMap<>();
  private final Map<String, double[]> doubles = new LinkedHashMap<>();

  /** An empty state; {@code source} names it in error messages. */
  public TrainingState(String source) {
    this(source, new JsonObject());
  }

  TrainingState(String source, JsonObject values) {
    this.source = source;
    this.values = values;
  }

  String source() {
    return source;
  }

  /** Numbers, flags and small JSON parts, by name. */
  public JsonObject values() {
    return values;
  }

  Map<String, float[][]> floats() {
    return Collections.unmodifiableMap(floats);
  }

  Map<String, double[]> doubles() {
    return Collections.unmodifiableMap(doubles);
  }

  /** Keeps a matrix (not copied: write the state before the matrix changes). */
  public void putFloats(String name, float[][] matrix) {
    floats.put(name, matrix);
  }

  public void putDoubles(String name, double[] vector) {
    doubles.put(name, vector);
  }

  /** Every state of this one under its own names. */
  public void putAll(TrainingState other) {
    other.values.entrySet().forEach(e -> values.add(e.getKey(), e.getValue()));
    floats.putAll(other.floats);
    doubles.putAll(other.doubles);
  }

  /** A matrix of {@code rows} x {@code columns}. */
  public float[][] floats(String name, int rows, int columns) {
    float[][] matrix = floats.get(name);
    if (matrix == null) {
      throw invalid("lacks " + name);
    }
    if (matrix.length != rows || rows > 0 && matrix[0].length != columns) {
      throw invalid(name + " is [" + matrix.length + ", " + (matrix.length == 0 ? 0 : matrix[0].length)
          + "] but the network needs [" + rows + ", " + columns + "]");
    }
    return matrix;
  }

  /** A matrix of {@code columns} and any number of rows. */
  public float[][] floats(String name, int columns) {
    float[][] matrix = floats.get(name);
    return floats(name, matrix == null ? 0 : matrix.length, columns);
  }

  public double[] doubles(String name, int length) {
    double[] vector = doubles.get(name);
    if (vector == null) {
      throw invalid("lacks " + name);
    }
    if (vector.length != length) {
      throw invalid(name + " has " + vector.length + " values but the network needs " + length);
    }
    return vector;
  }

  /** One matrix per parameter of {@code params}, named by position and tensor so a different network is noticed. */
  void putParams(String name, Params params, float[][][] values) {
    for (int i = 0; i < values.length; i++) {
      putFloats(paramName(name, i, params.all().get(i)), values[i]);
    }
  }

  float[][][] params(String name, Params params) {
    float[][][] values = new float[params.all().size()][][];
    for (int i = 0; i < values.length; i++) {
      Param p = params.all().get(i);
      values[i] = floats(paramName(name, i, p), p.rows(), p.columns());
    }
    return values;
  }

  private static String paramName(String name, int index, Param p) {
    return name + "/" + index + "/" + p.tensor().name();
  }

  /** A JSON object kept under {@code name}. */
  public JsonObject getObject(String name) {
    if (!values.has(name) || !values.get(name).isJsonObject()) {
      throw invalid("lacks " + name);
    }
    return values.getAsJsonObject(name);
  }

  long getLong(String name) {
    requireValue(name);
    return values.get(name).getAsLong();
  }

  public int getInt(String name) {
    requireValue(name);
    return values.get(name).getAsInt();
  }

  double getDouble(String name) {
    requireValue(name);
    return values.get(name).getAsDouble();
  }

  boolean getBoolean(String name) {
    requireValue(name);
    return values.get(name).getAsBoolean();
  }

  String getString(String name) {
    requireValue(name);
    return values.get(name).getAsString();
  }

  private void requireValue(String name) {
    if (!values.has(name) || !values.get(name).isJsonPrimitive()) {
      throw invalid("lacks " + name);
    }
  }

  IllegalStateException invalid(String what) {
    return new IllegalStateException(source + ": not a checkpoint of this training run (it " + what + ")");
  }
}
