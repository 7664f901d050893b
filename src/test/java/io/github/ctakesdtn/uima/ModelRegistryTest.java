package io.github.ctakesdtn.uima;

import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.model.ModelFile;
import io.github.ctakesdtn.model.ModelFileTest;
import io.github.ctakesdtn.model.Tagger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ModelRegistryTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void aLocationIsLoadedOncePerJvmAsFileOrUrl() throws IOException {
    Path file = temp.getRoot().toPath().resolve("m.model");
    ModelFile.save(ModelFileTest.randomModel(), file);
    Tagger first = ModelRegistry.tagger(file.toString());
    assertSame(first, ModelRegistry.tagger(file.toString()));
    Tagger byUrl = ModelRegistry.tagger(file.toUri().toString());
    assertTrue(byUrl.model().tags().tagNames().equals(first.model().tags().tagNames()));
  }

  @Test
  public void aMissingModelIsNamed() {
    IOException e = assertThrows(IOException.class, () -> ModelRegistry.tagger("classpath:no/such.model"));
    assertTrue(e.getMessage(), e.getMessage().contains("no/such.model"));
  }

  @Test
  public void aModelWithANegativeLayerSizeIsNamed() throws Exception {
    // The bundled model with one layer size made negative, its checksum updated to match.
    Path tampered = temp.getRoot().toPath().resolve("negative.model");
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(ModelRegistry.open(ModelRegistry.DEFAULT_MODEL))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    String config = new String(entries.get("config.json"), StandardCharsets.UTF_8);
    byte[] negative = config.replaceFirst("\"wordHidden\": (\\d+)", "\"wordHidden\": -$1")
        .getBytes(StandardCharsets.UTF_8);
    String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8)
        .replace(sha256(entries.get("config.json")), sha256(negative));
    entries.put("config.json", negative);
    entries.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
      }
    }
    IOException e = assertThrows(IOException.class, () -> ModelRegistry.tagger(tampered.toString()));
    assertTrue(e.getMessage(), e.getMessage().contains("negative.model"));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
