package io.github.ctakesdtn.cli;

import com.google.gson.JsonObject;
import io.github.ctakesdtn.model.ModelFile;
import io.github.ctakesdtn.model.TaggerModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Rewrites a model file in the current format (version " + ModelFile.FORMAT_VERSION + "): the same network,"
            + " vocabularies, CRF and provenance, with the parameters as named tensors. Older files still load as they"
            + " are; migrating them makes them smaller to read and ready for builds that drop the old format. The"
            + " provenance records the source file's SHA-256."})
final class MigrateCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, paramLabel = "MODEL", description = "Model file to rewrite.")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to write it.")
  Path output;

  @Override
  public Integer call() throws Exception {
    byte[] bytes = Files.readAllBytes(input);
    TaggerModel model = ModelFile.load(input);
    JsonObject migrated = new JsonObject();
    migrated.addProperty("from", input.getFileName().toString());
    migrated.addProperty("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    model.provenance().add("migrated", migrated);
    ModelFile.save(model, output);
    System.out.printf("%s: written in model format version %d%n", output, ModelFile.FORMAT_VERSION);
    return 0;
  }
}
