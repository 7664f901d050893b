package io.github.ctakesdtn.train;

import java.util.Random;

/**
 * A {@link Random} whose state can be read and set, so a checkpoint can hold it: the same 48-bit
 * linear congruential generator as {@code java.util.Random}, kept in a field of its own, so a
 * {@code SnapshotRandom} seeded with {@code s} draws exactly what {@code new Random(s)} draws
 * (every method but {@link #nextGaussian}, which training does not use, goes through
 * {@link #next}). Not thread-safe; training draws from one thread.
 */
final class SnapshotRandom extends Random {
  private static final long MULTIPLIER = 0x5DEECE66DL;
  private static final long ADDEND = 0xBL;
  private static final long MASK = (1L << 48) - 1;

  /** No initialiser: Random's constructor sets it through {@link #setSeed} before this class's fields are set. */
  private long state;

  SnapshotRandom(long seed) {
    super(seed);
  }

  /** A generator that continues from {@code state}, a value {@link #state()} returned. */
  static SnapshotRandom fromState(long state) {
    SnapshotRandom random = new SnapshotRandom(0);
    random.state = state & MASK;
    return random;
  }

  /** Everything the next draws depend on. */
  long state() {
    return state;
  }

  @Override
  public synchronized void setSeed(long seed) {
    super.setSeed(seed);
    state = (seed ^ MULTIPLIER) & MASK;
  }

  @Override
  protected int next(int bits) {
    state = (state * MULTIPLIER + ADDEND) & MASK;
    return (int) (state >>> (48 - bits));
  }

  @Override
  public synchronized double nextGaussian() {
    throw new UnsupportedOperationException("its cached second value would not be in the snapshot");
  }
}
