package io.github.ctakesdtn.train;

import com.google.gson.JsonObject;
import io.github.ctakesdtn.corpus.TokenSpan;
import io.github.ctakesdtn.model.LabeledSentence;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a model was trained or scored on: where, how much, and a SHA-256 of the exact sentences and spans
 * (or of a file's bytes).
 */
public final class CorpusFingerprint {
  private CorpusFingerprint() {}

  public static JsonObject of(String source, List<LabeledSentence> sentences) {
    MessageDigest digest = sha256();
    long tokens = 0;
    long mentions = 0;
    for (LabeledSentence sentence : sentences) {
      for (String token : sentence.tokens()) {
        digest.update(token.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      for (TokenSpan span : sentence.spans()) {
        digest.update((span.first() + ":" + span.end() + ":" + span.label()).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      digest.update((byte) '\n');
      tokens += sentence.tokens().size();
      mentions += sentence.spans().size();
    }
    JsonObject json = new JsonObject();
    json.addProperty("source", source);
    json.addProperty("sentences", sentences.size());
    json.addProperty("tokens", tokens);
    json.addProperty("mentions", mentions);
    json.addProperty("sha256", HexFormat.of().formatHex(digest.digest()));
    return json;
  }

  /** A file used in training (word vectors): where, and a SHA-256 of its bytes. */
  public static JsonObject ofFile(Path file) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    JsonObject json = new JsonObject();
    json.addProperty("source", file.toString());
    json.addProperty("bytes", Files.size(file));
    json.addProperty("sha256", HexFormat.of().formatHex(digest.digest()));
    return json;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
