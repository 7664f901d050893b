package io.github.ctakesdtn.spark;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.apache.spark.SparkFiles;

/**
 * Where the model named by {@code --model} is on this JVM. A file shipped with
 * {@code spark-submit --files /path/my.model} (or {@code --files hdfs:///models/my.model}) lands in
 * each executor's working folder, not at the path the driver was given: a location that is not a
 * file here is looked up among the shipped files by its file name. Anything else (a path on a
 * shared file system, {@code classpath:}, a URL) is used as it is.
 */
final class ModelFiles {
  private ModelFiles() {}

  static String local(String location) {
    if (location.startsWith("classpath:") || isFile(location)) {
      return location;
    }
    String name = location.substring(location.lastIndexOf('/') + 1);
    try {
      String shipped = SparkFiles.get(name);
      if (isFile(shipped)) {
        return shipped;
      }
    } catch (RuntimeException e) {
      // no Spark environment (the driver before its context starts): nothing was shipped
    }
    return location;
  }

  private static boolean isFile(String location) {
    try {
      return Files.isRegularFile(Path.of(location));
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
