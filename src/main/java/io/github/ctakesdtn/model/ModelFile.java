package io.github.ctakesdtn.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.ctakesdtn.corpus.AtomicFiles;
import io.github.ctakesdtn.corpus.LabelTypeMapping;
import io.github.ctakesdtn.corpus.TagScheme;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The model file: one zip of plain data, never Java serialization.
 *
 * <ul>
 *   <li>{@code config.json}: network shape, tag scheme, labels and their cTAKES types;
 *   <li>{@code vocabulary.json}: word keys and characters, in index order;
 *   <li>{@code parameters.bin}: every tensor of the network by name ({@link ParameterFile});
 *   <li>{@code crf.bin}: tag count, then transitions, start and end scores (big-endian doubles);
 *   <li>{@code provenance.json}: command, data fingerprints, versions, scores, date;
 *   <li>optionally {@code report.json} (how training went, epoch by epoch, and the scores by label and
 *       mistake: what {@code report --model} redraws a report from) and {@code card.json} (the model card);
 *       tagging never reads them;
 *   <li>{@code manifest.json}, written last: format name and version, and the SHA-256 of every
 *       other entry.
 * </ul>
 * Loading checks the format version and every checksum, rebuilds the network from the config and
 * checks every tensor's name and shape before use, and refuses anything else with a message naming
 * the file. It reads only the entries it knows, each up to a size limit. Version-1 files (whose
 * {@code network.bin} is ND4J's serialization of DL4J's flat parameter vector) still load, through
 * {@link LegacyParameters}; saving always writes version 2.
 */
public final class ModelFile {
  public static final String FORMAT = "ctakes-dtn-model";
  public static final int FORMAT_VERSION = 2;
  private static final int LEGACY_VERSION = 1;
  private static final String MANIFEST = "manifest.json";
  private static final String PARAMETERS = "parameters.bin";
  private static final String LEGACY_PARAMETERS = "network.bin";
  private static final long MAX_JSON_BYTES = 256L << 20;
  private static final long MAX_BINARY_BYTES = 1L << 30;
  /** The optional JSON entries a report is drawn from. */
  public static final String REPORT = "report.json";
  public static final String CARD = "card.json";
  private static final List<String> DOCUMENTS = List.of(REPORT, CARD);
  private static final Set<String> KNOWN_ENTRIES = Set.of("config.json", "vocabulary.json", PARAMETERS,
      LEGACY_PARAMETERS, "crf.bin", "provenance.json", REPORT, CARD, MANIFEST);
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private ModelFile() {}

  public static void save(TaggerModel model, Path file) throws IOException {
    save(model, file, Map.of());
  }

  /** Saves a model with optional JSON documents ({@link #REPORT}, {@link #CARD}) beside it. */
  public static void save(TaggerModel model, Path file, Map<String, ? extends JsonElement> documents)
      throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("config.json", json(config(model)));
    JsonObject vocabulary = new JsonObject();
    vocabulary.add("words", GSON.toJsonTree(model.words().symbols()));
    vocabulary.add("chars", GSON.toJsonTree(model.chars().symbols()));
    entries.put("vocabulary.json", json(vocabulary));
    entries.put(PARAMETERS, ParameterFile.write(model.network().params()));
    entries.put("crf.bin", crfBytes(model.crf()));
    entries.put("provenance.json", json(model.provenance()));
    for (String name : DOCUMENTS) {
      if (documents.containsKey(name)) {
        entries.put(name, json(documents.get(name)));
      }
    }
    if (!DOCUMENTS.containsAll(documents.keySet())) {
      throw new IllegalArgumentException("a model file holds no documents named " + documents.keySet());
    }
    JsonObject manifest = new JsonObject();
    manifest.addProperty("format", FORMAT);
    manifest.addProperty("formatVersion", FORMAT_VERSION);
    JsonObject checksums = new JsonObject();
    entries.forEach((name, bytes) -> checksums.addProperty(name, sha256(bytes)));
    manifest.add("sha256", checksums);
    AtomicFiles.write(file, out -> {
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
          zip.putNextEntry(ZipEntries.fixedTime(entry.getKey()));
          zip.write(entry.getValue());
          zip.closeEntry();
        }
        zip.putNextEntry(ZipEntries.fixedTime(MANIFEST));
        zip.write(json(manifest));
        zip.closeEntry();
      }
    });
  }

  public static TaggerModel load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return load(in, file.toString());
    }
  }

  /** Loads from a stream (e.g. a classpath resource); {@code name} is used in error messages. */
  public static TaggerModel load(InputStream in, String name) throws IOException {
    Map<String, byte[]> entries = readEntries(in, name);
    try {
      int version = verifyManifest(entries, name);
      JsonObject config = parse(entries.get("config.json")).getAsJsonObject();
      NetworkConfig network = GSON.fromJson(config.get("network"), NetworkConfig.class);
      TagScheme scheme = TagScheme.valueOf(config.get("tagScheme").getAsString());
      List<String> labels = strings(config.getAsJsonArray("labels"));
      TagSet tags = new TagSet(scheme, labels);
      JsonObject vocabulary = parse(entries.get("vocabulary.json")).getAsJsonObject();
      Vocabulary words = Vocabulary.fromSymbols(strings(vocabulary.getAsJsonArray("words")));
      Vocabulary chars = Vocabulary.fromSymbols(strings(vocabulary.getAsJsonArray("chars")));
      requireEqual(name, "word vocabulary size", network.wordVocabularySize(), words.size());
      requireEqual(name, "character vocabulary size", network.charVocabularySize(), chars.size());
      requireEqual(name, "tag count", network.tagCount(), tags.size());
      TransferSpec transfer = config.has("transfer") ? GSON.fromJson(config.get("transfer"), TransferSpec.class) : null;
      Network net = TaggerModel.network(network, tags, chars, transfer, 0);
      if (version == LEGACY_VERSION) {
        boolean sameLabels = transfer != null && transfer.sourceLabels().equals(labels);
        LegacyParameters.read(entries.get(LEGACY_PARAMETERS), net,
            LegacyParameters.networkKey(transfer, sameLabels, network.charEncoder()), name);
      } else {
        ParameterFile.read(entries.get(PARAMETERS), net.params(), name);
        net.refresh();
      }
      LinearChainCrf crf = new LinearChainCrf(tags);
      readCrf(entries.get("crf.bin"), crf, name);
      List<String> labelTypes = config.has("labelTypes") ? strings(config.getAsJsonArray("labelTypes")) : List.of();
      LabelTypeMapping.withOverrides(labelTypes);
      JsonObject provenance = parse(entries.get("provenance.json")).getAsJsonObject();
      return new TaggerModel(network, tags, words, chars, net, crf, labelTypes, provenance, transfer);
    } catch (JsonParseException | IllegalArgumentException | IllegalStateException | NullPointerException
        | ClassCastException e) {
      throw new IOException(name + ": not a valid ctakes-dtn model (" + e.getMessage() + ")", e);
    }
  }

  /**
   * The JSON entries of a model file a report is made from, checked as {@link #load} checks them but
   * without building the network: {@code config.json}, {@code provenance.json}, and {@link #REPORT}
   * and {@link #CARD} where the file has them.
   */
  public static Map<String, JsonElement> documents(Path file) throws IOException {
    Map<String, byte[]> entries;
    try (InputStream in = Files.newInputStream(file)) {
      entries = readEntries(in, file.toString());
    }
    try {
      verifyManifest(entries, file.toString());
      Map<String, JsonElement> documents = new LinkedHashMap<>();
      for (String name : List.of("config.json", "provenance.json", REPORT, CARD)) {
        if (entries.containsKey(name)) {
          documents.put(name, parse(entries.get(name)));
        }
      }
      return documents;
    } catch (JsonParseException | IllegalStateException e) {
      throw new IOException(file + ": not a valid ctakes-dtn model (" + e.getMessage() + ")", e);
    }
  }

  /** What {@code config.json} holds for a model: network shape, tag scheme, labels, label types, transfer. */
  public static JsonObject config(TaggerModel model) {
    JsonObject config = new JsonObject();
    config.add("network", GSON.toJsonTree(model.config()));
    config.addProperty("tagScheme", model.tags().scheme().name());
    config.add("labels", GSON.toJsonTree(model.tags().labels()));
    config.add("labelTypes", GSON.toJsonTree(model.labelTypes()));
    if (model.transfer() != null) {
      config.add("transfer", GSON.toJsonTree(model.transfer()));
    }
    return config;
  }

  /** The entries this build knows, each read up to its size limit; any other entry is skipped unread. */
  private static Map<String, byte[]> readEntries(InputStream in, String name) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    boolean any = false;
    String entryName = null;
    try (ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        any = true;
        entryName = entry.getName();
        boolean json = entryName.endsWith(".json");
        if (!KNOWN_ENTRIES.contains(entryName)) {
          continue;
        }
        long limit = json ? MAX_JSON_BYTES : MAX_BINARY_BYTES;
        if (entry.getSize() > limit) {
          throw new IOException(name + ": model entry " + entryName + " is " + entry.getSize() + " bytes, over the "
              + limit + "-byte limit");
        }
        byte[] bytes = zip.readNBytes((int) limit + 1);
        if (bytes.length > limit) {
          throw new IOException(name + ": model entry " + entryName + " is over the " + limit + "-byte limit");
        }
        entries.put(entryName, bytes);
      }
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(name + ": ")) {
        throw e; // ours, which names the entry already
      }
      throw new IOException(name + ": not a readable model file, truncated or damaged ("
          + (entryName == null ? "" : "in entry " + entryName + ": ") + e.getMessage() + ")", e);
    }
    if (!any) {
      throw new IOException(name + ": not a model file (no zip entries)");
    }
    return entries;
  }

  /** Checks the format, its version and every checksum; returns the version. */
  private static int verifyManifest(Map<String, byte[]> entries, String name) throws IOException {
    byte[] manifestBytes = entries.get(MANIFEST);
    if (manifestBytes == null) {
      throw new IOException(name + ": not a ctakes-dtn model (no " + MANIFEST + "; the file may be truncated)");
    }
    JsonObject manifest = parse(manifestBytes).getAsJsonObject();
    if (!FORMAT.equals(manifest.get("format").getAsString())) {
      throw new IOException(name + ": not a ctakes-dtn model (format '" + manifest.get("format").getAsString() + "')");
    }
    int version = manifest.get("formatVersion").getAsInt();
    if (version != FORMAT_VERSION && version != LEGACY_VERSION) {
      throw new IOException(name + ": model format version " + version + " is not supported (this build reads versions "
          + LEGACY_VERSION + " and " + FORMAT_VERSION + "); use a matching ctakes-dtn");
    }
    JsonObject checksums = manifest.getAsJsonObject("sha256");
    String parameters = version == LEGACY_VERSION ? LEGACY_PARAMETERS : PARAMETERS;
    for (String entry : List.of("config.json", "vocabulary.json", parameters, "crf.bin", "provenance.json")) {
      byte[] bytes = entries.get(entry);
      if (bytes == null || !checksums.has(entry)) {
        throw new IOException(name + ": model entry " + entry + " is missing");
      }
      if (!sha256(bytes).equals(checksums.get(entry).getAsString())) {
        throw new IOException(name + ": model entry " + entry + " is corrupt (checksum mismatch)");
      }
    }
    for (String entry : DOCUMENTS) {
      byte[] bytes = entries.get(entry);
      if (bytes == null && checksums.has(entry)) {
        throw new IOException(name + ": model entry " + entry + " is missing");
      }
      if (bytes != null && (!checksums.has(entry) || !sha256(bytes).equals(checksums.get(entry).getAsString()))) {
        throw new IOException(name + ": model entry " + entry + " is corrupt (checksum mismatch)");
      }
    }
    return version;
  }

  private static void requireEqual(String name, String what, long expected, long found) {
    if (expected != found) {
      throw new IllegalArgumentException(name + ": " + what + " is " + found + " but the config says " + expected);
    }
  }

  private static byte[] json(JsonElement element) {
    return GSON.toJson(element).getBytes(StandardCharsets.UTF_8);
  }

  private static JsonElement parse(byte[] bytes) {
    return JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
  }

  private static List<String> strings(JsonArray array) {
    List<String> strings = new ArrayList<>(array.size());
    array.forEach(element -> strings.add(element.getAsString()));
    return strings;
  }

  private static byte[] crfBytes(LinearChainCrf crf) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      int n = crf.start().length;
      out.writeInt(n);
      for (double[] row : crf.transitions()) {
        for (double v : row) {
          out.writeDouble(v);
        }
      }
      for (double v : crf.start()) {
        out.writeDouble(v);
      }
      for (double v : crf.end()) {
        out.writeDouble(v);
      }
    }
    return bytes.toByteArray();
  }

  private static void readCrf(byte[] bytes, LinearChainCrf crf, String name) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int n = in.readInt();
      requireEqual(name, "CRF tag count", crf.start().length, n);
      for (double[] row : crf.transitions()) {
        for (int j = 0; j < n; j++) {
          row[j] = in.readDouble();
        }
      }
      for (int j = 0; j < n; j++) {
        crf.start()[j] = in.readDouble();
      }
      for (int j = 0; j < n; j++) {
        crf.end()[j] = in.readDouble();
      }
      if (in.read() != -1) {
        throw new IOException(name + ": crf.bin is longer than its tag count says");
      }
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
