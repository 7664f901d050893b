package io.github.ctakesdtn.model;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import io.github.ctakesdtn.corpus.TagScheme;
import io.github.ctakesdtn.nn.GateObserver;
import io.github.ctakesdtn.nn.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ModelFileTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  public static TaggerModel randomModel() {
    return randomModel(0);
  }

  /** @param contextHidden the size of its character language models (0: none) */
  static TaggerModel randomModel(int contextHidden) {
    TagSet tags = new TagSet(TagScheme.IOBES, List.of("Disease", "Drug"));
    NetworkConfig config = TaggerNetworkTest.tiny(NetworkConfig.CNN).withSizes(
        TaggerNetworkTest.WORDS.size(), TaggerNetworkTest.CHARS.size(), tags.size()).withContextHidden(contextHidden);
    Network network = TaggerModel.network(config, tags, TaggerNetworkTest.CHARS, null, 0);
    network.params().initialise(11);
    network.refresh();
    LinearChainCrf crf = new LinearChainCrf(tags);
    Random random = new Random(1);
    for (double[] row : crf.transitions()) {
      for (int j = 0; j < row.length; j++) {
        row[j] = random.nextGaussian();
      }
    }
    crf.start()[1] = 0.25;
    crf.end()[2] = -1.5;
    JsonObject provenance = new JsonObject();
    provenance.addProperty("command", "test");
    return new TaggerModel(config, tags, TaggerNetworkTest.WORDS, TaggerNetworkTest.CHARS, network, crf,
        List.of("Drug=MedicationMention"), provenance);
  }

  @Test
  public void saveAndLoadIsBitIdentical() throws IOException {
    TaggerModel model = randomModel();
    Path file = temp.getRoot().toPath().resolve("m.zip");
    ModelFile.save(model, file);
    TaggerModel back = ModelFile.load(file);
    assertEquals(model.config(), back.config());
    assertEquals(model.tags().tagNames(), back.tags().tagNames());
    assertEquals(model.words().symbols(), back.words().symbols());
    assertEquals(model.chars().symbols(), back.chars().symbols());
    assertSameParameters(model.network(), back.network());
    for (int i = 0; i < model.crf().start().length; i++) {
      assertArrayEquals(model.crf().transitions()[i], back.crf().transitions()[i], 0);
    }
    assertArrayEquals(model.crf().start(), back.crf().start(), 0);
    assertArrayEquals(model.crf().end(), back.crf().end(), 0);
    assertEquals("test", back.provenance().get("command").getAsString());
    assertEquals(List.of("Drug=MedicationMention"), back.labelTypes());
    List<List<String>> sentences = List.of(List.of("The", "patient", "has", "fever"));
    assertEquals(new Tagger(model).tag(sentences), new Tagger(back).tag(sentences));
    // Saving the loaded model again gives the same bytes for every entry.
    Path again = temp.getRoot().toPath().resolve("again.zip");
    ModelFile.save(back, again);
    assertArrayEquals(entry(file, "parameters.bin"), entry(again, "parameters.bin"));
    assertArrayEquals(entry(file, "crf.bin"), entry(again, "crf.bin"));
  }

  @Test
  public void aModelWithContextualEmbeddingsKeepsItsLanguageModels() throws IOException {
    TaggerModel model = randomModel(4);
    Path file = temp.getRoot().toPath().resolve("context.zip");
    ModelFile.save(model, file);
    TaggerModel back = ModelFile.load(file);
    assertEquals(4, back.config().contextHidden());
    assertSameParameters(model.network(), back.network());
    assertTrue(back.network().params().tensors().stream().anyMatch(t -> t.name().equals("charLm.backward.lstm.W")));
    List<List<String>> sentences = List.of(List.of("The", "patient", "has", "fever"), List.of("No", "fever"));
    double[][][] before = model.network().emitter(Task.TARGET, model.words(), GateObserver.NONE).emissions(sentences);
    double[][][] after = back.network().emitter(Task.TARGET, back.words(), GateObserver.NONE).emissions(sentences);
    for (int s = 0; s < before.length; s++) {
      for (int t = 0; t < before[s].length; t++) {
        assertArrayEquals(before[s][t], after[s][t], 0);
      }
    }
  }

  @Test
  public void aCorruptedEntryIsRefused() throws IOException {
    Path file = temp.getRoot().toPath().resolve("m.zip");
    ModelFile.save(randomModel(), file);
    Path corrupt = rewrite(file, "parameters.bin", bytes -> bytes[bytes.length - 3] ^= 1);
    IOException e = assertThrows(IOException.class, () -> ModelFile.load(corrupt));
    assertTrue(e.getMessage(), e.getMessage().contains("parameters.bin is corrupt (checksum mismatch)"));
  }

  @Test
  public void aTruncatedFileOrAnotherFormatVersionIsRefused() throws IOException {
    Path file = temp.getRoot().toPath().resolve("m.zip");
    ModelFile.save(randomModel(), file);
    byte[] bytes = Files.readAllBytes(file);
    Path truncated = temp.getRoot().toPath().resolve("truncated.zip");
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    IOException e = assertThrows(IOException.class, () -> ModelFile.load(truncated));
    assertTrue(e.getMessage(), e.getMessage().startsWith(truncated.toString()));
    // Cut before the manifest (in an entry or between entries): the file is named and said to be truncated.
    for (int length : new int[] {100, 300, 1000, 2000, bytes.length / 3}) {
      Path cut = temp.getRoot().toPath().resolve("cut" + length + ".zip");
      Files.write(cut, java.util.Arrays.copyOf(bytes, length));
      IOException c = assertThrows(IOException.class, () -> ModelFile.load(cut));
      assertTrue(c.getMessage(), c.getMessage().startsWith(cut + ": ") && c.getMessage().contains("truncated"));
    }

    Path future = rewrite(file, "manifest.json", null);
    String manifest = new String(entry(future, "manifest.json"), StandardCharsets.UTF_8)
        .replace("\"formatVersion\": 2", "\"formatVersion\": 99");
    Path versioned = replace(future, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
    IOException v = assertThrows(IOException.class, () -> ModelFile.load(versioned));
    assertTrue(v.getMessage(), v.getMessage().contains("model format version 99 is not supported"));

    Path text = temp.getRoot().toPath().resolve("notes.txt");
    Files.writeString(text, "not a model");
    assertThrows(IOException.class, () -> ModelFile.load(text));
  }

  static void assertSameParameters(Network expected, Network actual) {
    assertEquals(expected.params().tensors(), actual.params().tensors());
    for (Tensor tensor : expected.params().tensors()) {
      assertArrayEquals(tensor.name(), expected.params().values(tensor), actual.params().values(tensor), 0f);
    }
  }

  @Test
  public void reportDocumentsAreKeptCheckedAndReadWithoutTheNetwork() throws IOException {
    Path file = temp.getRoot().toPath().resolve("m.zip");
    JsonObject report = new JsonObject();
    report.addProperty("scheme", "target-only");
    JsonObject card = new JsonObject();
    card.addProperty("summary", "finds drugs");
    ModelFile.save(randomModel(), file, java.util.Map.of(ModelFile.REPORT, report, ModelFile.CARD, card));
    var documents = ModelFile.documents(file);
    assertEquals(report, documents.get(ModelFile.REPORT));
    assertEquals(card, documents.get(ModelFile.CARD));
    assertEquals("test", documents.get("provenance.json").getAsJsonObject().get("command").getAsString());
    ModelFile.load(file); // tagging loads as before

    Path corrupt = rewrite(file, ModelFile.REPORT, bytes -> bytes[bytes.length - 3] ^= 1);
    IOException e = assertThrows(IOException.class, () -> ModelFile.documents(corrupt));
    assertTrue(e.getMessage(), e.getMessage().contains("report.json is corrupt (checksum mismatch)"));
    assertThrows(IOException.class, () -> ModelFile.load(corrupt));
    assertThrows(IllegalArgumentException.class,
        () -> ModelFile.save(randomModel(), file, java.util.Map.of("notes.json", card)));

    Path without = temp.getRoot().toPath().resolve("plain.zip");
    ModelFile.save(randomModel(), without);
    assertEquals(java.util.Set.of("config.json", "provenance.json"), ModelFile.documents(without).keySet());
  }

  @Test
  public void unknownEntriesAreSkippedAndAMissingTensorIsRefused() throws IOException {
    Path file = temp.getRoot().toPath().resolve("m.zip");
    ModelFile.save(randomModel(), file);
    Path extra = replace(file, "manifest.json", entry(file, "manifest.json"), "notes/readme.txt", new byte[1 << 20]);
    assertSameParameters(randomModel().network(), ModelFile.load(extra).network());

    TaggerModel other = randomModel();
    Path lstm = temp.getRoot().toPath().resolve("lstm.zip");
    NetworkConfig config = other.config();
    NetworkConfig lstmConfig = new NetworkConfig(NetworkConfig.LSTM, config.charEmbedding(), config.charHidden(),
        config.cnnWidth(), config.wordEmbedding(), config.wordHidden(), config.dropout(), config.maxWordLength(),
        config.wordVocabularySize(), config.charVocabularySize(), config.tagCount());
    ModelFile.save(new TaggerModel(lstmConfig, other.tags(), other.words(), other.chars(),
        TaggerModel.network(lstmConfig, other.tags(), other.chars(), null, 0), other.crf(), List.of(),
        other.provenance()), lstm);
    // The CNN model's tensors under the LSTM model's config and checksums: refused by name.
    Path mixed = withChecksums(replace(lstm, "parameters.bin", entry(file, "parameters.bin")));
    IOException e = assertThrows(IOException.class, () -> ModelFile.load(mixed));
    assertTrue(e.getMessage(), e.getMessage().contains("which the configured network does not have"));
  }

  /** Rewrites the manifest's checksums for the entries as they are. */
  private Path withChecksums(Path zip) throws IOException {
    com.google.gson.JsonObject manifest = com.google.gson.JsonParser.parseString(
        new String(entry(zip, "manifest.json"), StandardCharsets.UTF_8)).getAsJsonObject();
    com.google.gson.JsonObject sums = manifest.getAsJsonObject("sha256");
    for (String name : List.copyOf(sums.keySet())) {
      sums.addProperty(name, ModelFile.sha256(entry(zip, name)));
    }
    return replace(zip, "manifest.json", manifest.toString().getBytes(StandardCharsets.UTF_8));
  }

  private interface Edit {
    void apply(byte[] bytes);
  }

  private static byte[] entry(Path zip, String name) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(name)) {
          return in.readAllBytes();
        }
      }
    }
    throw new AssertionError("no entry " + name);
  }

  private Path rewrite(Path zip, String name, Edit edit) throws IOException {
    byte[] bytes = entry(zip, name);
    if (edit != null) {
      edit.apply(bytes);
    }
    return replace(zip, name, bytes);
  }

  private Path replace(Path zip, String name, byte[] content) throws IOException {
    return replace(zip, name, content, null, null);
  }

  /** A copy of the zip with one entry's content replaced and, if {@code addName} is given, an entry added first. */
  private Path replace(Path zip, String name, byte[] content, String addName, byte[] added) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
        ZipOutputStream out = new ZipOutputStream(buffer)) {
      if (addName != null) {
        out.putNextEntry(new ZipEntry(addName));
        out.write(added);
        out.closeEntry();
      }
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(e.getName().equals(name) ? content : in.readAllBytes());
        out.closeEntry();
      }
    }
    Path target = Files.createTempFile(temp.getRoot().toPath(), "edited", ".zip");
    Files.write(target, buffer.toByteArray());
    return target;
  }
}
