package io.github.ctakesdtn;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parses JSON as RFC 8259 has it: no NaN or Infinity, no comments, no unquoted names, nothing after
 * the value. (Gson's JsonParser is lenient; its reader in STRICT mode is not.)
 */
final class StrictJson {
  private StrictJson() {}

  static JsonElement parse(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  static JsonElement parse(String json, String name) throws IOException {
    try (JsonReader reader = new JsonReader(new StringReader(json))) {
      reader.setStrictness(Strictness.STRICT);
      JsonElement element = new Gson().getAdapter(JsonElement.class).read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new IOException(name + ": text after the JSON value");
      }
      return element;
    } catch (IOException | RuntimeException e) {
      throw new AssertionError(name + " is not strict JSON: " + e.getMessage(), e);
    }
  }
}
