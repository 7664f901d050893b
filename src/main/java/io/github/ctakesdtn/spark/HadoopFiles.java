package io.github.ctakesdtn.spark;

import io.github.ctakesdtn.corpus.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Reading and writing single files on any Hadoop file system (local, HDFS, S3, ...), written as
 * {@link AtomicFiles} writes local ones: to a temporary sibling renamed into place, so a killed
 * task never leaves half an XMI that a rerun would take for a finished note.
 */
final class HadoopFiles {
  private HadoopFiles() {}

  /**
   * The file system of {@code path}; for local paths the raw one, which writes no {@code .crc}
   * side files next to each XMI (a local user's folder looks as {@code annotate} leaves it).
   */
  static FileSystem fileSystem(Path path, Configuration conf) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
  }

  static byte[] readAll(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return in.readAllBytes();
    }
  }

  static String readString(FileSystem fs, Path file) throws IOException {
    return new String(readAll(fs, file), StandardCharsets.UTF_8);
  }

  /**
   * Writes through a temporary named as {@link AtomicFiles#temporaryName} names them, so a rerun
   * (of this job or of {@code annotate} on a local folder) recognises and removes one a killed
   * task left. On HDFS the rename is atomic; on object stores (S3) an object appears only once
   * fully uploaded, so a reader never sees half a file either way.
   */
  static void writeAtomically(FileSystem fs, Path target, AtomicFiles.Content content) throws IOException {
    if (fs instanceof RawLocalFileSystem local) {
      // Hadoop's local file system without its native library starts a `chmod` process for every
      // file it creates (and an `ls` to read permissions): measured, that doubled the cost of a note.
      AtomicFiles.write(local.pathToFile(target).toPath(), content);
      return;
    }
    Path temp = new Path(target.getParent(), AtomicFiles.temporaryName(target.getName()));
    try {
      try (OutputStream out = fs.create(temp, false)) {
        content.writeTo(out);
      }
      if (!fs.rename(temp, target)) {
        // HDFS refuses to rename over an existing file: a note annotated again (the model changed),
        // or a speculative copy of the same task that finished first with the same bytes.
        fs.delete(target, false);
        if (!fs.rename(temp, target)) {
          throw new IOException(target + ": cannot rename " + temp.getName() + " into place");
        }
      }
    } finally {
      if (fs.exists(temp)) {
        fs.delete(temp, false);
      }
    }
  }
}
