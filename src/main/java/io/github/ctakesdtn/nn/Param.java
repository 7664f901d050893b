package io.github.ctakesdtn.nn;

import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;

/**
 * A trainable matrix [rows][columns], one array per row (see {@link Kernels}), that is a whole
 * named tensor of the network or a part of one (an LSTM keeps each gate's columns apart):
 * {@code flatIndex(r, c)} says where its element sits in the tensor's values read in row-major
 * order. The tensors are what a model file stores.
 */
public final class Param {
  /** How a parameter starts: {@code constant + std * N(0, 1)}. */
  public record Init(double std, double constant) {
    public static Init zero() {
      return new Init(0, 0);
    }

    public static Init constant(double value) {
      return new Init(0, value);
    }

    /** Normal with standard deviation {@code sqrt(2 / (fanIn + fanOut))} (Glorot and Bengio 2010). */
    public static Init xavier(double fanIn, double fanOut) {
      return new Init(Math.sqrt(2 / (fanIn + fanOut)), 0);
    }
  }

  final Tensor tensor;
  final float[][] value;
  private final IntBinaryOperator flatIndex;
  private final Init init;
  /** Position in its {@link Params}, set when registered. */
  int index = -1;

  public Param(Tensor tensor, int rows, int columns, IntBinaryOperator flatIndex, Init init) {
    this.tensor = tensor;
    this.value = new float[rows][columns];
    this.flatIndex = flatIndex;
    this.init = init;
  }

  /** A whole tensor read as a row-major matrix of {@code columns}. */
  public static Param matrix(Tensor tensor, int rows, int columns, Init init) {
    return new Param(tensor, rows, columns, (r, c) -> r * columns + c, init);
  }

  public Tensor tensor() {
    return tensor;
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

  void initialise(SplittableRandom random) {
    for (float[] row : value) {
      for (int c = 0; c < row.length; c++) {
        row[c] = (float) (init.constant() + (init.std() == 0 ? 0 : init.std() * random.nextGaussian()));
      }
    }
  }

  void read(float[] flat) {
    for (int r = 0; r < value.length; r++) {
      for (int c = 0; c < value[r].length; c++) {
        value[r][c] = flat[flatIndex.applyAsInt(r, c)];
      }
    }
  }

  /** Writes a matrix shaped like this parameter (its value or a gradient) into the tensor's flat layout. */
  void scatter(float[][] matrix, float[] flat) {
    for (int r = 0; r < matrix.length; r++) {
      for (int c = 0; c < matrix[r].length; c++) {
        flat[flatIndex.applyAsInt(r, c)] = matrix[r][c];
      }
    }
  }

  @Override
  public String toString() {
    return tensor.name() + " [" + rows() + ", " + columns() + "]";
  }
}
