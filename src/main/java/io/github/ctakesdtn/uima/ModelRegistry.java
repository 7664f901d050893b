package io.github.ctakesdtn.uima;

import io.github.ctakesdtn.model.ModelFile;
import io.github.ctakesdtn.model.Tagger;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One loaded model per location per JVM, shared by every annotator instance and thread (the
 * {@link Tagger} is thread-safe). A location is {@code classpath:PATH}, a URL
 * ({@code file:}, {@code https:}, {@code jar:} ...), or a file path; a path that is not a file is
 * also looked up on the classpath, as cTAKES' FileLocator does.
 */
public final class ModelRegistry {
  /** The model bundled with ctakes-dtn, used when no model is named. */
  public static final String DEFAULT_MODEL = "classpath:io/github/ctakesdtn/models/default.model";

  private static final Map<String, Tagger> TAGGERS = new ConcurrentHashMap<>();

  private ModelRegistry() {}

  public static Tagger tagger(String location) throws IOException {
    try {
      return TAGGERS.computeIfAbsent(location, key -> {
        try (InputStream in = open(key)) {
          return new Tagger(ModelFile.load(in, key));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
          // A model whose entries check out but whose contents do not (a negative layer size)
          // fails deep in the network code, with a message that names no file.
          throw new UncheckedIOException(new IOException(key + ": not a usable model (" + e.getMessage() + ")", e));
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The SHA-256 of the model's bytes, as hex: what a model is, whatever its location is called. */
  public static String sha256(String location) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(open(location), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static InputStream open(String location) throws IOException {
    if (location.startsWith("classpath:")) {
      return classpath(location.substring("classpath:".length()), location);
    }
    Path file = Path.of(location);
    if (Files.isRegularFile(file)) {
      return Files.newInputStream(file);
    }
    if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !location.matches("^[a-zA-Z]:\\\\.*")) {
      return URI.create(location).toURL().openStream();
    }
    return classpath(location, location);
  }

  private static InputStream classpath(String path, String location) throws IOException {
    String resource = path.startsWith("/") ? path.substring(1) : path;
    InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
    if (in == null) {
      in = ModelRegistry.class.getClassLoader().getResourceAsStream(resource);
    }
    if (in == null) {
      throw new FileNotFoundException("model '" + location + "' not found (as a file, a URL or on the classpath)");
    }
    return in;
  }
}
