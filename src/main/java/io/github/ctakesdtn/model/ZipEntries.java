package io.github.ctakesdtn.model;

import java.time.LocalDateTime;
import java.util.zip.ZipEntry;

/**
 * Zip entries stamped with one fixed time instead of the clock's, so that the same content makes
 * the same file bytes: two training runs with the same data, options and seed write identical
 * model files, and a resumed run writes the file an uninterrupted one does.
 */
public final class ZipEntries {
  /** The earliest time a zip (DOS) date can hold. */
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  private ZipEntries() {}

  public static ZipEntry fixedTime(String name) {
    ZipEntry entry = new ZipEntry(name);
    entry.setTimeLocal(FIXED_TIME);
    return entry;
  }
}
