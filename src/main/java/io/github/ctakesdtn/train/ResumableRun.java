package io.github.ctakesdtn.train;

import io.github.ctakesdtn.model.Network;
import java.util.Map;
import java.util.Random;

/**
 * Everything a training run's next epoch depends on, kept in a checkpoint at the end of every
 * epoch and put back to resume, so that a resumed run goes on exactly as an uninterrupted one:
 * the network's parameters, the optimizer's moments and step counts (and the parameter average),
 * each task's CRF and its optimizer, the random stream that shuffles batches and drops words, the
 * step count that seeds dropout masks, and early stopping's best epoch and parameters.
 */
final class ResumableRun {
  /** Epochs on the source task alone, before early stopping starts. */
  static final String SOURCE_PHASE = "source";
  /** Epochs that early stopping watches. */
  static final String TARGET_PHASE = "target";

  private final Checkpoints checkpoints;
  private final Network network;
  private final ParallelStep step;
  /** By name ("source", "target"); a CRF both tasks share is kept twice, which does no harm. */
  private final Map<String, TaskData> tasks;
  private SnapshotRandom random;
  private int iteration;

  ResumableRun(Checkpoints checkpoints, Network network, ParallelStep step, Map<String, TaskData> tasks, long seed) {
    this.checkpoints = checkpoints;
    this.network = network;
    this.step = step;
    this.tasks = tasks;
    this.random = new SnapshotRandom(seed);
  }

  /** Shuffling and word dropout draw from this (from one thread). */
  Random random() {
    return random;
  }

  /** The count of training steps so far, then one more. */
  int nextIteration() {
    return iteration++;
  }

  /** The checkpoint to resume from if it was written during {@code phase}, else null. */
  TrainingState resumedIn(String phase) {
    TrainingState state = checkpoints.resumed();
    return state != null && state.getString("phase").equals(phase) ? state : null;
  }

  /** Whether the run is past {@code phase}: its checkpoint was written in a later one. */
  boolean resumedAfter(String phase) {
    TrainingState state = checkpoints.resumed();
    return state != null && phase.equals(SOURCE_PHASE) && state.getString("phase").equals(TARGET_PHASE);
  }

  /**
   * Writes the checkpoint at the end of an epoch.
   *
   * @param finished whether training is over (early stopping said so, or the last epoch ran)
   * @param stopping early stopping's state, or null before it starts
   */
  void save(String phase, int epoch, boolean finished, EarlyStopping stopping) {
    TrainingState state = new TrainingState("checkpoint");
    state.values().addProperty("phase", phase);
    state.values().addProperty("epoch", epoch);
    state.values().addProperty("finished", finished);
    state.values().addProperty("random", random.state());
    state.values().addProperty("iteration", iteration);
    state.putParams("network", network.params(), network.params().snapshot());
    step.saveTo(state);
    tasks.forEach((name, task) -> task.saveTo(state, name));
    if (stopping != null) {
      stopping.saveTo(state);
    }
    checkpoints.save(state);
  }

  /** Puts back what {@link #save} kept; returns the epoch it was written after. */
  int restore(TrainingState state, EarlyStopping stopping) {
    network.params().restore(state.params("network", network.params()));
    network.refresh();
    step.restoreFrom(state);
    tasks.forEach((name, task) -> task.restoreFrom(state, name));
    if (stopping != null) {
      stopping.restoreFrom(state);
    }
    random = SnapshotRandom.fromState(state.getLong("random"));
    iteration = state.getInt("iteration");
    return state.getInt("epoch");
  }

  /** Whether the checkpoint was written after the run's last epoch. */
  static boolean finished(TrainingState state) {
    return state.getBoolean("finished");
  }
}
