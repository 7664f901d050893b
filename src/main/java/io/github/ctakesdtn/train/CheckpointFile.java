package io.github.ctakesdtn.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.ctakesdtn.corpus.AtomicFiles;
import io.github.ctakesdtn.model.ZipEntries;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A training checkpoint on disk, in the model file's style (see docs/model-format.md): a zip of
 * plain data, never Java serialization. {@code state.json} holds the numbers and flags,
 * {@code arrays.bin} the named arrays (magic {@code DTNC}, int32 count, then per array its name
 * ({@code writeUTF}), a kind byte, and either int32 rows, int32 columns and float32 values (kind 1)
 * or int32 length and float64 values (kind 2), big-endian), and {@code manifest.json}, written
 * last, the format, its version and the SHA-256 of both. Written through a temporary file renamed
 * into place; read with every checksum and size checked.
 */
public final class CheckpointFile {
  public static final String FORMAT = "ctakes-dtn-checkpoint";
  public static final int FORMAT_VERSION = 1;
  private static final int MAGIC = 0x44544E43; // "DTNC"
  private static final byte FLOAT32_MATRIX = 1;
  private static final byte FLOAT64_VECTOR = 2;
  private static final String STATE = "state.json";
  private static final String ARRAYS = "arrays.bin";
  private static final String MANIFEST = "manifest.json";
  private static final long MAX_JSON_BYTES = 256L << 20;
  /** Values in one array at most: a Java array's limit. */
  private static final long MAX_VALUES = Integer.MAX_VALUE - 8;
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private CheckpointFile() {}

  public static void write(Path file, TrainingState state) throws IOException {
    AtomicFiles.write(file, out -> {
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        // Parameters hardly compress; the fastest level keeps an epoch's checkpoint quick to write.
        zip.setLevel(Deflater.BEST_SPEED);
        JsonObject checksums = new JsonObject();
        byte[] json = GSON.toJson(state.values()).getBytes(StandardCharsets.UTF_8);
        zip.putNextEntry(ZipEntries.fixedTime(STATE));
        zip.write(json);
        zip.closeEntry();
        checksums.addProperty(STATE, HexFormat.of().formatHex(sha256().digest(json)));
        zip.putNextEntry(ZipEntries.fixedTime(ARRAYS));
        MessageDigest digest = sha256();
        // Flushed, not closed: closing would close the zip.
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(new DigestOutputStream(zip, digest)));
        writeArrays(state, data);
        data.flush();
        zip.closeEntry();
        checksums.addProperty(ARRAYS, HexFormat.of().formatHex(digest.digest()));
        JsonObject manifest = new JsonObject();
        manifest.addProperty("format", FORMAT);
        manifest.addProperty("formatVersion", FORMAT_VERSION);
        manifest.add("sha256", checksums);
        zip.putNextEntry(ZipEntries.fixedTime(MANIFEST));
        zip.write(GSON.toJson(manifest).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    });
  }

  private static void writeArrays(TrainingState state, DataOutputStream out) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(state.floats().size() + state.doubles().size());
    for (Map.Entry<String, float[][]> entry : state.floats().entrySet()) {
      float[][] matrix = entry.getValue();
      out.writeUTF(entry.getKey());
      out.writeByte(FLOAT32_MATRIX);
      out.writeInt(matrix.length);
      out.writeInt(matrix.length == 0 ? 0 : matrix[0].length);
      for (float[] row : matrix) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * row.length);
        bytes.asFloatBuffer().put(row);
        out.write(bytes.array());
      }
    }
    for (Map.Entry<String, double[]> entry : state.doubles().entrySet()) {
      out.writeUTF(entry.getKey());
      out.writeByte(FLOAT64_VECTOR);
      out.writeInt(entry.getValue().length);
      ByteBuffer bytes = ByteBuffer.allocate(8 * entry.getValue().length);
      bytes.asDoubleBuffer().put(entry.getValue());
      out.write(bytes.array());
    }
  }

  /** Reads a checkpoint, or says in an {@link IOException} naming the file why it cannot be used. */
  public static TrainingState read(Path file) throws IOException {
    String name = file.toString();
    Map<String, String> digests = new LinkedHashMap<>();
    JsonObject values = null;
    JsonObject manifest = null;
    TrainingState arrays = null;
    try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        switch (entry.getName()) {
          case STATE -> {
            byte[] bytes = readJson(zip, name, STATE);
            digests.put(STATE, HexFormat.of().formatHex(sha256().digest(bytes)));
            values = parse(bytes, name, STATE);
          }
          case MANIFEST -> manifest = parse(readJson(zip, name, MANIFEST), name, MANIFEST);
          case ARRAYS -> {
            MessageDigest digest = sha256();
            DataInputStream in = new DataInputStream(new BufferedInputStream(new DigestInputStream(zip, digest)));
            arrays = readArrays(in, name);
            if (in.read() != -1) {
              throw new IOException(name + ": " + ARRAYS + " is longer than its arrays");
            }
            digests.put(ARRAYS, HexFormat.of().formatHex(digest.digest()));
          }
          default -> { } // an entry of a later version: skipped unread
        }
      }
    } catch (EOFException e) {
      throw new IOException(name + ": checkpoint is truncated", e);
    } catch (ZipException e) {
      throw new IOException(name + ": not a readable checkpoint (" + e.getMessage() + ")", e);
    }
    verify(name, manifest, digests);
    TrainingState state = new TrainingState(name, values);
    state.putAll(arrays);
    return state;
  }

  private static void verify(String name, JsonObject manifest, Map<String, String> digests) throws IOException {
    if (manifest == null) {
      throw new IOException(name + ": not a ctakes-dtn checkpoint (no " + MANIFEST + "; the file may be truncated)");
    }
    try {
      if (!FORMAT.equals(manifest.get("format").getAsString())) {
        throw new IOException(name + ": not a ctakes-dtn checkpoint (format " + manifest.get("format") + ")");
      }
      int version = manifest.get("formatVersion").getAsInt();
      if (version != FORMAT_VERSION) {
        throw new IOException(name + ": checkpoint format version " + version + " is not supported (this build reads "
            + FORMAT_VERSION + "); train again without --resume");
      }
      JsonObject checksums = manifest.getAsJsonObject("sha256");
      for (String entry : new String[] {STATE, ARRAYS}) {
        if (!digests.containsKey(entry) || !checksums.has(entry)) {
          throw new IOException(name + ": checkpoint entry " + entry + " is missing");
        }
        if (!digests.get(entry).equals(checksums.get(entry).getAsString())) {
          throw new IOException(name + ": checkpoint entry " + entry + " is corrupt (checksum mismatch)");
        }
      }
    } catch (NullPointerException | ClassCastException | IllegalStateException e) {
      throw new IOException(name + ": not a valid ctakes-dtn checkpoint (" + MANIFEST + ": " + e.getMessage() + ")", e);
    }
  }

  private static TrainingState readArrays(DataInputStream in, String name) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException(name + ": " + ARRAYS + " does not start with DTNC");
    }
    int count = in.readInt();
    if (count < 0) {
      throw new IOException(name + ": " + ARRAYS + " declares " + count + " arrays");
    }
    TrainingState state = new TrainingState(name);
    for (int a = 0; a < count; a++) {
      String arrayName = in.readUTF();
      byte kind = in.readByte();
      if (kind == FLOAT32_MATRIX) {
        int rows = in.readInt();
        int columns = in.readInt();
        requireSize(name, arrayName, rows, columns);
        float[][] matrix = new float[rows][columns];
        byte[] bytes = new byte[4 * columns];
        for (float[] row : matrix) {
          in.readFully(bytes);
          ByteBuffer.wrap(bytes).asFloatBuffer().get(row);
        }
        state.putFloats(arrayName, matrix);
      } else if (kind == FLOAT64_VECTOR) {
        int length = in.readInt();
        requireSize(name, arrayName, 1, length);
        double[] vector = new double[length];
        byte[] bytes = new byte[8 * length];
        in.readFully(bytes);
        ByteBuffer.wrap(bytes).asDoubleBuffer().get(vector);
        state.putDoubles(arrayName, vector);
      } else {
        throw new IOException(name + ": array " + arrayName + " in " + ARRAYS + " has unknown kind " + kind);
      }
    }
    return state;
  }

  private static void requireSize(String name, String array, int rows, int columns) throws IOException {
    if (rows < 0 || columns < 0 || (long) rows * columns > MAX_VALUES) {
      throw new IOException(name + ": array " + array + " in " + ARRAYS + " has impossible size [" + rows + ", "
          + columns + "]");
    }
  }

  private static byte[] readJson(InputStream in, String name, String entry) throws IOException {
    byte[] bytes = in.readNBytes((int) MAX_JSON_BYTES + 1);
    if (bytes.length > MAX_JSON_BYTES) {
      throw new IOException(name + ": checkpoint entry " + entry + " is over the " + MAX_JSON_BYTES + "-byte limit");
    }
    return bytes;
  }

  private static JsonObject parse(byte[] bytes, String name, String entry) throws IOException {
    try {
      return JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new IOException(name + ": checkpoint entry " + entry + " is not valid JSON (" + e.getMessage() + ")", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
