package io.github.ctakesdtn.model;

import io.github.ctakesdtn.nn.Params;
import io.github.ctakesdtn.nn.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code parameters.bin} of a version-2 model file: every tensor of a network by name, in plain
 * big-endian binary that any JVM reads without native code. Magic {@code DTNP}, int32 tensor
 * count, then per tensor its name ({@code writeUTF}), int32 rank, int32 per dimension and the
 * float32 values in row-major order. Reading checks that the file holds exactly the network's
 * tensors, each with the network's shape.
 */
final class ParameterFile {
  private static final int MAGIC = 0x44544E50; // "DTNP"

  private ParameterFile() {}

  static byte[] write(Params params) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(params.tensors().size());
      for (Tensor tensor : params.tensors()) {
        out.writeUTF(tensor.name());
        int[] shape = tensor.shape();
        out.writeInt(shape.length);
        for (int d : shape) {
          out.writeInt(d);
        }
        for (float v : params.values(tensor)) {
          out.writeFloat(v);
        }
      }
    }
    return bytes.toByteArray();
  }

  /** Sets every tensor of {@code params} from the bytes; {@code name} is used in error messages. */
  static void read(byte[] bytes, Params params, String name) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != MAGIC) {
        throw new IOException(name + ": parameters.bin does not start with DTNP");
      }
      int count = in.readInt();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < count; i++) {
        String tensorName = in.readUTF();
        Tensor tensor;
        try {
          tensor = params.tensor(tensorName);
        } catch (IllegalArgumentException e) {
          throw new IOException(name + ": parameters.bin holds tensor " + tensorName + ", which the configured network"
              + " does not have");
        }
        int rank = in.readInt();
        if (rank < 0 || rank > 8) {
          throw new IOException(name + ": tensor " + tensorName + " has rank " + rank);
        }
        int[] shape = new int[rank];
        for (int d = 0; d < rank; d++) {
          shape[d] = in.readInt();
        }
        if (!Arrays.equals(shape, tensor.shape())) {
          throw new IOException(name + ": tensor " + tensorName + " has shape " + Arrays.toString(shape)
              + " but the config makes it " + Arrays.toString(tensor.shape()));
        }
        float[] values = new float[tensor.length()];
        for (int v = 0; v < values.length; v++) {
          values[v] = in.readFloat();
        }
        params.setValues(tensor, values);
        seen.add(tensorName);
      }
      for (Tensor tensor : params.tensors()) {
        if (!seen.contains(tensor.name())) {
          throw new IOException(name + ": parameters.bin lacks tensor " + tensor.name());
        }
      }
      if (in.read() != -1) {
        throw new IOException(name + ": parameters.bin is longer than its tensors");
      }
    } catch (EOFException e) {
      throw new IOException(name + ": parameters.bin is truncated", e);
    }
  }
}
