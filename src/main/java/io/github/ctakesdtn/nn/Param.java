package io.github.ctakesdtn.nn;

import java.util.function.IntBinaryOperator;

/**
 * A trainable matrix [rows][columns], one array per row (see {@link Kernels}), that is (part of)
 * one parameter of a DL4J layer or vertex: {@code flatIndex(r, c)} says where its element sits in
 * that parameter's values read in 'c' order. Training runs on these arrays; the DL4J graph is read
 * at the start and written back whenever a model is saved.
 */
public final class Param {
  final String vertex;
  final String key;
  final float[][] value;
  private final IntBinaryOperator flatIndex;
  /** Position in its {@link Params}, set when registered. */
  int index = -1;

  public Param(String vertex, String key, int rows, int columns, IntBinaryOperator flatIndex) {
    this.vertex = vertex;
    this.key = key;
    this.value = new float[rows][columns];
    this.flatIndex = flatIndex;
  }

  /** A whole parameter read as a row-major matrix of {@code columns}. */
  public static Param matrix(String vertex, String key, int rows, int columns) {
    return new Param(vertex, key, rows, columns, (r, c) -> r * columns + c);
  }

  public float[][] value() {
    return value;
  }

  public int rows() {
    return value.length;
  }

  public int columns() {
    return value[0].length;
  }

  void readFrom(float[] flat) {
    for (int r = 0; r < value.length; r++) {
      for (int c = 0; c < value[r].length; c++) {
        value[r][c] = flat[flatIndex.applyAsInt(r, c)];
      }
    }
  }

  void writeTo(float[] flat) {
    scatter(value, flat);
  }

  /** Writes a matrix shaped like this parameter (its value or a gradient) into the flat layout. */
  void scatter(float[][] matrix, float[] flat) {
    for (int r = 0; r < matrix.length; r++) {
      for (int c = 0; c < matrix[r].length; c++) {
        flat[flatIndex.applyAsInt(r, c)] = matrix[r][c];
      }
    }
  }

  @Override
  public String toString() {
    return vertex + "/" + key + " [" + rows() + ", " + columns() + "]";
  }
}
