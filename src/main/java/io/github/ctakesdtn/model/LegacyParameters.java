package io.github.ctakesdtn.model;

import io.github.ctakesdtn.nn.Params;
import io.github.ctakesdtn.nn.Tensor;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads {@code network.bin} of a version-1 model file without ND4J: ND4J's serialization of the
 * flat parameter vector of the DL4J graph that version 1 trained, mapped onto the network's named
 * tensors. The order of the graph's parameters in that vector (DL4J's topological order of its
 * vertices) is data, {@code v1-parameter-order.txt}, held against DL4J by a test; each DL4J vertex
 * and parameter has one tensor here ({@link #tensorName}).
 */
public final class LegacyParameters {
  private static final Map<String, String> PARTS = Map.of(
      "charembedding", "chars.embedding", "charcnn", "chars.cnn", "charforward", "chars.forward",
      "charbackward", "chars.backward", "wordforward", "words.forward", "wordbackwardreversed", "words.backward",
      "emissions", "emissions");
  private static final Map<String, String> ORDERS = readOrders();

  private LegacyParameters() {}

  /** The key of a network's parameter order: {@code single/cnn}, {@code dtn/same/lstm}, ... */
  static String networkKey(TransferSpec transfer, boolean sameLabels, String charEncoder) {
    return transfer == null ? "single/" + charEncoder
        : transfer.graphScheme() + "/" + (sameLabels ? "same" : "different") + "/" + charEncoder;
  }

  /** The DL4J vertices' parameters in flat order: {@code vertex/key} or {@code vertex/key:f} for 2-D ones. */
  public static List<String> order(String networkKey) {
    String line = ORDERS.get(networkKey);
    if (line == null) {
      throw new IllegalArgumentException("no version-1 parameter order for a " + networkKey + " network");
    }
    return List.of(line.trim().split(" +"));
  }

  /** The tensor that holds a DL4J vertex's parameter: e.g. {@code targetWordForward/RW} is {@code target.words.forward.RW}. */
  public static String tensorName(String vertex, String key) {
    if (vertex.equals("wordEmbedding")) {
      return "wordEmbedding." + key;
    }
    for (Routing.Group group : Routing.Group.values()) {
      for (Task task : Task.values()) {
        String gate = group.label + (task == Task.SOURCE ? "Source" : "Target") + "Gate";
        if (vertex.equals(gate)) {
          return task.copy() + "." + group.label + ".gate." + key;
        }
      }
    }
    String copy = Task.TARGET.copy();
    String rest = vertex;
    for (String prefix : List.of(Routing.SHARED_COPY, Task.SOURCE.copy(), Task.TARGET.copy())) {
      if (vertex.startsWith(prefix)) {
        copy = prefix;
        rest = vertex.substring(prefix.length());
      }
    }
    String part = PARTS.get(rest.toLowerCase(java.util.Locale.ROOT));
    if (part == null) {
      throw new IllegalArgumentException("unknown version-1 vertex " + vertex);
    }
    return copy + "." + part + "." + key;
  }

  /** Sets the network's tensors from a version-1 {@code network.bin}. */
  static void read(byte[] networkBin, Network network, String networkKey, String name) throws IOException {
    float[] flat = readNd4jVector(networkBin, name);
    Params params = network.params();
    int offset = 0;
    int expected = params.tensors().stream().mapToInt(Tensor::length).sum();
    if (flat.length != expected) {
      throw new IOException(name + ": network.bin holds " + flat.length + " parameters, the config makes "
          + expected);
    }
    for (String entry : order(networkKey)) {
      for (String parameter : entry.substring(entry.indexOf('(') + 1, entry.length() - 1).split(",")) {
        String[] keyOrder = parameter.split(":");
        Tensor tensor = params.tensor(tensorName(entry.substring(0, entry.indexOf('(')), keyOrder[0]));
        int n = tensor.length();
        float[] values = new float[n];
        if (keyOrder.length > 1 && keyOrder[1].equals("f")) {
          // Column-major [rows, columns] to row-major.
          int rows = tensor.shape()[0];
          int columns = n / rows;
          for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
              values[r * columns + c] = flat[offset + c * rows + r];
            }
          }
        } else {
          System.arraycopy(flat, offset, values, 0, n);
        }
        params.setValues(tensor, values);
        offset += n;
      }
    }
    if (offset != flat.length) {
      throw new IOException(name + ": the version-1 parameter order covers " + offset + " of " + flat.length
          + " parameters");
    }
    network.refresh();
  }

  /**
   * ND4J's array serialization ({@code Nd4j.write}): the shape-information buffer, then the data
   * buffer; each buffer is its allocation mode ({@code writeUTF}), its length (int64), its data
   * type ({@code writeUTF}) and its values, big-endian.
   */
  static float[] readNd4jVector(byte[] bytes, String name) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      in.readUTF();
      long shapeLength = in.readLong();
      String shapeType = in.readUTF();
      if (!shapeType.equals("LONG") || shapeLength < 0 || shapeLength > 64) {
        throw new IOException(name + ": network.bin is not an ND4J array (shape buffer " + shapeType + ")");
      }
      in.skipNBytes(8 * shapeLength);
      in.readUTF();
      long length = in.readLong();
      String type = in.readUTF();
      if (length < 0 || length > Integer.MAX_VALUE || length * 4 > bytes.length) {
        throw new IOException(name + ": network.bin says it holds " + length + " values in " + bytes.length + " bytes");
      }
      float[] values = new float[(int) length];
      for (int i = 0; i < values.length; i++) {
        values[i] = switch (type) {
          case "FLOAT" -> in.readFloat();
          case "DOUBLE" -> (float) in.readDouble();
          default -> throw new IOException(name + ": network.bin holds " + type + " values");
        };
      }
      return values;
    } catch (EOFException e) {
      throw new IOException(name + ": network.bin is truncated", e);
    }
  }

  private static Map<String, String> readOrders() {
    Map<String, String> orders = new HashMap<>();
    try (InputStream in = Objects.requireNonNull(LegacyParameters.class.getResourceAsStream("v1-parameter-order.txt"));
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          int colon = line.indexOf(':');
          orders.put(line.substring(0, colon), line.substring(colon + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return orders;
  }
}
