package io.github.ctakesdtn.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.ctakesdtn.corpus.TagScheme;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Version-1 model files, whose parameters are DL4J's flat vector written by ND4J, load without
 * ND4J into the same tensors, for every network version 1 could build: the parameter order of
 * {@code v1-parameter-order.txt} is DL4J's own, and a v1 file written through DL4J reads back exactly.
 */
public class LegacyParametersTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private static final TagSet TAGS = new TagSet(TagScheme.IOBES, List.of("Disease", "Drug"));
  private static final TagSet OTHER_TAGS = new TagSet(TagScheme.IOBES, List.of("Chemical", "Disease", "Gene"));

  /** Every network of version 1: single-task and each scheme, same and different labels, both encoders. */
  private static List<TaggerModel> everyNetwork() {
    List<TaggerModel> models = new ArrayList<>();
    for (String encoder : List.of(NetworkConfig.CNN, NetworkConfig.LSTM)) {
      NetworkConfig shape = new NetworkConfig(encoder, 3, 4, 3, 5, 6, 0.5, 10, TaggerNetworkTest.WORDS.size(),
          TaggerNetworkTest.CHARS.size(), TAGS.size());
      models.add(model(shape, null));
      for (TagSet sourceTags : List.of(TAGS, OTHER_TAGS)) {
        for (SharingScheme scheme : Dl4jReference.buildableSchemes(sourceTags == TAGS)) {
          models.add(model(shape, new TransferSpec(scheme.name(), scheme.name(), sourceTags.labels())));
        }
      }
    }
    return models;
  }

  private static TaggerModel model(NetworkConfig shape, TransferSpec transfer) {
    Network network = TaggerModel.network(shape, TAGS, TaggerNetworkTest.CHARS, transfer, 0.5);
    NetworkTest.randomize(network.params(), 3, 0.5);
    network.refresh();
    JsonObject provenance = new JsonObject();
    return new TaggerModel(shape, TAGS, TaggerNetworkTest.WORDS, TaggerNetworkTest.CHARS, network,
        new LinearChainCrf(TAGS), List.of(), provenance, transfer);
  }

  private static SharingScheme scheme(TaggerModel model) {
    return model.transfer() == null ? null : SharingScheme.named(model.transfer().graphScheme(), sameLabels(model));
  }

  private static boolean sameLabels(TaggerModel model) {
    return model.transfer() != null && model.transfer().sourceLabels().equals(TAGS.labels());
  }

  private static String key(TaggerModel model) {
    return LegacyParameters.networkKey(model.transfer(), sameLabels(model), model.config().charEncoder());
  }

  @Test
  public void theParameterOrderIsDl4jsForEveryNetwork() {
    List<TaggerModel> models = everyNetwork();
    assertEquals(30, models.size());
    for (TaggerModel model : models) {
      ComputationGraph graph = Dl4jReference.graphOf(model.network(), TAGS.size(), scheme(model), new TaskSwitch(),
          DataType.FLOAT);
      List<String> order = new ArrayList<>();
      for (int i : graph.topologicalSortOrder()) {
        GraphVertex vertex = graph.getVertices()[i];
        Map<String, INDArray> table = vertex.paramTable(false);
        if (table == null || table.isEmpty()) {
          continue;
        }
        List<String> keys = new ArrayList<>();
        table.forEach((k, v) -> keys.add(k + (v.rank() == 2 ? ":" + v.ordering() : "")));
        order.add(vertex.getVertexName() + "(" + String.join(",", keys) + ")");
      }
      assertEquals(key(model), order, LegacyParameters.order(key(model)));
    }
  }

  @Test
  public void aVersionOneFileLoadsIntoTheSameTensors() throws IOException {
    for (TaggerModel model : everyNetwork()) {
      Path v1 = writeVersionOne(model, temp.newFolder().toPath());
      TaggerModel back = ModelFile.load(v1);
      ModelFileTest.assertSameParameters(model.network(), back.network());
      assertEquals(key(model), model.transfer(), back.transfer());
    }
  }

  /**
   * A model file as version 1 wrote it: the version-2 entries but the DL4J graph's parameter vector
   * ({@code Nd4j.write}) as {@code network.bin}, and a version-1 manifest.
   */
  static Path writeVersionOne(TaggerModel model, Path dir) throws IOException {
    Path v2 = dir.resolve("v2.model");
    ModelFile.save(model, v2);
    ComputationGraph graph = Dl4jReference.graphOf(model.network(), model.tags().size(), scheme(model),
        new TaskSwitch(), DataType.FLOAT);
    ByteArrayOutputStream networkBin = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(networkBin)) {
      Nd4j.write(graph.params(), out);
    }
    Path v1 = dir.resolve("v1.model");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(v2));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(v1))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] bytes = in.readAllBytes();
        String name = e.getName();
        if (name.equals("parameters.bin")) {
          name = "network.bin";
          bytes = networkBin.toByteArray();
        } else if (name.equals("manifest.json")) {
          JsonObject manifest = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8)).getAsJsonObject();
          manifest.addProperty("formatVersion", 1);
          JsonObject sums = manifest.getAsJsonObject("sha256");
          sums.remove("parameters.bin");
          sums.addProperty("network.bin", ModelFile.sha256(networkBin.toByteArray()));
          bytes = manifest.toString().getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
      }
    }
    assertTrue(Files.size(v1) > 0);
    return v1;
  }
}
