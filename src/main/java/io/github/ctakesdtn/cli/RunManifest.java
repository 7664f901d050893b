package io.github.ctakesdtn.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.ctakesdtn.corpus.AtomicFiles;
import io.github.ctakesdtn.uima.ModelRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What wrote an annotate output folder: the model's SHA-256 and the confidence threshold. A rerun
 * that skips notes whose XMI exists must not keep XMI made by another model or threshold, so when
 * either differs every note is annotated again; until such a run finishes the manifest says so,
 * and a run killed half way through still redoes every note next time. The Spark job keeps the
 * same file in its XMI folder (on any Hadoop file system), so either can resume the other's output.
 */
public final class RunManifest {
  public static final String FILE = ".ctakes-dtn-annotate.json";

  private final String modelLocation;
  private final String modelSha256;
  private final double minConfidence;

  private RunManifest(String modelLocation, String modelSha256, double minConfidence) {
    this.modelLocation = modelLocation;
    this.modelSha256 = modelSha256;
    this.minConfidence = minConfidence;
  }

  static RunManifest forModel(String location, double minConfidence) throws IOException {
    return new RunManifest(location, ModelRegistry.sha256(location), minConfidence);
  }

  /**
   * The model as the user named it, read from {@code readFrom} (where a shipped copy of it lies),
   * keeping every mention.
   */
  public static RunManifest forModel(String location, String readFrom) throws IOException {
    return new RunManifest(location, ModelRegistry.sha256(readFrom), 0);
  }

  /** The model's SHA-256 (hex): what identifies the model in outputs. */
  public String modelSha256() {
    return modelSha256;
  }

  /**
   * Records this run in {@code folder} before any note is written. Returns whether every note
   * must be annotated again: the folder was written with another model or threshold, or such a redo
   * did not finish.
   */
  boolean start(Path folder) throws IOException {
    Path file = folder.resolve(FILE);
    boolean redoAll = redoAllAfter(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null);
    write(file, redoAll);
    return redoAll;
  }

  /**
   * Whether every note must be annotated again, given the manifest an earlier run left
   * ({@code null} when none): another model or threshold wrote the folder, or such a redo did not finish.
   */
  public boolean redoAllAfter(String earlierManifest) {
    if (earlierManifest == null) {
      return false;
    }
    try {
      JsonObject earlier = JsonParser.parseString(earlierManifest).getAsJsonObject();
      // A manifest from before the threshold existed was written with all mentions kept.
      double earlierThreshold = earlier.has("minConfidence") ? earlier.get("minConfidence").getAsDouble() : 0;
      return !modelSha256.equals(earlier.get("modelSha256").getAsString())
          || earlierThreshold != minConfidence
          || earlier.get("redoAll").getAsBoolean();
    } catch (RuntimeException e) {
      return true; // a manifest we cannot read vouches for nothing
    }
  }

  /** The run went through every note: what the folder holds is this model's. */
  void finish(Path folder) throws IOException {
    write(folder.resolve(FILE), false);
  }

  private void write(Path file, boolean redoAll) throws IOException {
    byte[] bytes = json(redoAll);
    AtomicFiles.write(file, out -> out.write(bytes));
  }

  /** The manifest's content: this model and threshold, and whether a redo of every note is under way. */
  public byte[] json(boolean redoAll) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model", modelLocation);
    json.put("modelSha256", modelSha256);
    json.put("minConfidence", minConfidence);
    json.put("redoAll", redoAll);
    return new GsonBuilder().setPrettyPrinting().create().toJson(json).getBytes(StandardCharsets.UTF_8);
  }
}
