package io.github.ctakesdtn.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A training run's checkpoint file: written at the end of every epoch, read to resume an
 * interrupted run, removed when the run has finished. Each checkpoint carries the run's
 * {@code recipe} (options and data fingerprints, which decide the result) and is used to resume
 * only by a run with the same recipe. The command keeps its own parts (e.g. learned word vectors)
 * in {@link #runState()}, which goes into every checkpoint.
 */
public final class Checkpoints {
  /** No checkpoints: nothing saved, nothing resumed. */
  public static final Checkpoints NONE = new Checkpoints(null, new JsonObject(), null);

  private static final String RECIPE = "recipe";

  private final Path file;
  private final JsonObject recipe;
  private final TrainingState resumed;
  private final TrainingState runState = new TrainingState("run");

  private Checkpoints(Path file, JsonObject recipe, TrainingState resumed) {
    this.file = file;
    this.recipe = recipe;
    this.resumed = resumed;
  }

  /** Where the checkpoint of a run writing {@code model} is kept: beside it, named {@code <model>.checkpoint}. */
  public static Path fileFor(Path model) {
    return model.resolveSibling(model.getFileName() + ".checkpoint");
  }

  /** A run from the start, checkpointing to {@code file} (an earlier run's checkpoint there is replaced). */
  public static Checkpoints startingAfresh(Path file, JsonObject recipe) {
    return new Checkpoints(file, recipe, null);
  }

  /**
   * A run that continues from the checkpoint in {@code file}, or starts afresh when there is none.
   *
   * @throws IOException the checkpoint is unreadable, or was written by a run with another recipe
   */
  public static Checkpoints resuming(Path file, JsonObject recipe) throws IOException {
    if (!Files.exists(file)) {
      return startingAfresh(file, recipe);
    }
    TrainingState state = CheckpointFile.read(file);
    JsonElement saved = state.values().get(RECIPE);
    String difference = firstDifference("", saved, recipe);
    if (difference != null) {
      throw new IOException(file + ": written by a run with other options or data (" + difference + "); resume with"
          + " the options and data of that run, or train without --resume to start over");
    }
    return new Checkpoints(file, recipe, state);
  }

  /** The state to continue from, or null when the run starts afresh. */
  public TrainingState resumed() {
    return resumed;
  }

  /** What the command keeps in every checkpoint beside the trainer's state. */
  public TrainingState runState() {
    return runState;
  }

  /** Writes a trainer's state at the end of an epoch, with the run's parts and recipe. */
  void save(TrainingState trainerState) {
    if (file == null) {
      return;
    }
    TrainingState state = new TrainingState(file.toString());
    state.putAll(runState);
    state.putAll(trainerState);
    state.values().add(RECIPE, recipe);
    try {
      CheckpointFile.write(file, state);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write the checkpoint: " + e.getMessage(), e);
    }
  }

  /** Removes the checkpoint once the run's model is written. */
  public void remove() throws IOException {
    if (file != null) {
      Files.deleteIfExists(file);
    }
  }

  /**
   * Where two JSON values first differ, as "path: then, now", or null when they are equal. Values
   * are compared as JSON text: Gson's own equality takes 13 and 13.0, or two seeds beyond 2^53, as
   * equal.
   */
  static String firstDifference(String path, JsonElement then, JsonElement now) {
    if (Objects.equals(String.valueOf(then), String.valueOf(now))) {
      return null;
    }
    if (then != null && now != null && then.isJsonObject() && now.isJsonObject()) {
      TreeSet<String> keys = new TreeSet<>(then.getAsJsonObject().keySet());
      keys.addAll(now.getAsJsonObject().keySet());
      for (String key : keys) {
        String difference = firstDifference(path.isEmpty() ? key : path + "." + key, then.getAsJsonObject().get(key),
            now.getAsJsonObject().get(key));
        if (difference != null) {
          return difference;
        }
      }
    }
    return (path.isEmpty() ? "recipe" : path) + ": " + (then == null ? "absent" : then) + " then, "
        + (now == null ? "absent" : now) + " now";
  }
}
