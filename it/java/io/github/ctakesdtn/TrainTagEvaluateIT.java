package io.github.ctakesdtn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.model.ModelFile;
import io.github.ctakesdtn.model.SyntheticCorpus;
import io.github.ctakesdtn.model.TaggerModel;
import io.github.ctakesdtn.uima.ModelRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.ctakes.typesystem.type.constants.CONST;
import org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation;
import org.apache.uima.fit.factory.JCasFactory;
import org.apache.uima.fit.util.JCasUtil;
import org.apache.uima.jcas.JCas;
import org.apache.uima.util.CasIOUtils;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The real CLI end to end: convert, train (real DL4J, seconds), tag, evaluate, and a corrupt model refused. */
public class TrainTagEvaluateIT {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private Path dir() {
    return temp.getRoot().toPath();
  }

  private void writeConll(String name, List<LabeledSentence> sentences) throws Exception {
    Files.writeString(dir().resolve(name + ".tsv"), ConllText.of(sentences));
    Cli.ok(dir(), "convert", "--format", "conll", "--in", name + ".tsv", "--out", "xmi/" + name);
  }

  private double microF1(Path json) throws IOException {
    JsonObject scores = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    return scores.getAsJsonObject("exact").getAsJsonObject("micro").get("f1").getAsDouble();
  }

  @Test
  public void trainsTagsAndEvaluatesThroughTheCommandLine() throws Exception {
    writeConll("train", SyntheticCorpus.sentences(240, 1));
    writeConll("dev", SyntheticCorpus.sentences(60, 2));
    writeConll("test", SyntheticCorpus.sentences(80, 3));

    Cli.Result trained = Cli.ok(dir(), "train", "--train", "xmi/train", "--dev", "xmi/dev", "--test", "xmi/test",
        "--out", "tiny.model", "--epochs", "10", "--patience", "4", "--batch-size", "8", "--learning-rate", "0.01",
        "--word-embedding-size", "16", "--word-hidden", "16", "--dropout", "0.2", "--seed", "5");
    assertTrue(trained.toString(), trained.out().contains("epoch   1/10"));
    assertTrue(trained.toString(), trained.out().contains("test exact-span F1"));
    assertTrue(trained.toString(), Files.isRegularFile(dir().resolve("tiny.model")));

    Cli.ok(dir(), "evaluate", "--gold", "xmi/test", "--model", "tiny.model", "--pred-out", "pred", "--json", "a.json");
    double f1 = microF1(dir().resolve("a.json"));
    assertTrue("F1 " + f1, f1 > 0.9);

    Cli.Result tagged = Cli.ok(dir(), "tag", "--model", "tiny.model", "--in", "xmi/test", "--out", "tagged");
    assertTrue(tagged.toString(), tagged.out().contains("tokens/s"));
    Cli.ok(dir(), "evaluate", "--gold", "xmi/test", "--pred", "tagged", "--json", "b.json");
    assertEquals(f1, microF1(dir().resolve("b.json")), 1e-12);

    JCas jcas = JCasFactory.createJCas();
    try (var in = Files.newInputStream(dir().resolve("tagged/test-00001.xmi"))) {
      CasIOUtils.load(in, jcas.getCas());
    }
    List<IdentifiedAnnotation> mentions = List.copyOf(JCasUtil.select(jcas, IdentifiedAnnotation.class));
    assertTrue(!mentions.isEmpty());
    for (IdentifiedAnnotation mention : mentions) {
      assertEquals(CONST.NE_DISCOVERY_TECH_EXPLICIT_AE, mention.getDiscoveryTechnique());
      assertTrue(mention.getConfidence() > 0 && mention.getConfidence() <= 1);
    }
  }

  @Test
  public void trainsADtnTransferModelThroughTheCommandLine() throws Exception {
    writeConll("source", SyntheticCorpus.sentences(120, 1));
    writeConll("target", SyntheticCorpus.sentences(8, 4));
    writeConll("dev", SyntheticCorpus.sentences(30, 2));
    Cli.Result trained = Cli.ok(dir(), "train", "--source", "xmi/source", "--target", "xmi/target", "--dev", "xmi/dev",
        "--scheme", "dtn", "--out", "dtn.model", "--epochs", "3", "--patience", "3", "--batch-size", "8",
        "--learning-rate", "0.01", "--word-embedding-size", "16", "--word-hidden", "16", "--seed", "5");
    assertTrue(trained.toString(), trained.out().contains("scheme dtn"));
    assertTrue(trained.toString(), trained.out().contains("gate chars"));
    assertTrue(trained.toString(), trained.out().contains("gate words"));
    Cli.ok(dir(), "evaluate", "--gold", "xmi/dev", "--model", "dtn.model", "--json", "dtn.json");
    assertTrue(microF1(dir().resolve("dtn.json")) > 0);
  }

  @Test
  public void searchTrainsEverySchemeAndWritesTheTable() throws Exception {
    writeConll("source", SyntheticCorpus.sentences(40, 1));
    List<LabeledSentence> diseasesOnly = SyntheticCorpus.sentences(12, 4).stream()
        .map(s -> new LabeledSentence(s.tokens(), s.spans().stream().filter(x -> x.label().equals("Disease")).toList()))
        .toList();
    writeConll("target", diseasesOnly);
    Cli.Result result = Cli.ok(dir(), "search", "--source", "xmi/source", "--target", "xmi/target", "--out", "search",
        "--epochs", "1", "--patience", "1", "--batch-size", "8", "--word-embedding-size", "8", "--word-hidden", "8",
        "--source-epochs", "1", "--dev-fraction", "0.3");
    String table = Files.readString(dir().resolve("search/search.md"));
    // Different label sets: target-only, finetune, the 4 static schemes without O, and dtn.
    for (String scheme : List.of("target-only", "finetune", "C+W", "| C |", "| W |", "none", "dtn")) {
      assertTrue(scheme + " in\n" + table, table.contains(scheme.startsWith("|") ? scheme : "| " + scheme + " |"));
    }
    assertTrue(table, table.contains("chars "));
    assertTrue(Files.isRegularFile(dir().resolve("search/dtn.model")));
    assertTrue(result.toString(), result.out().contains("table and models written to search"));
  }

  @Test
  public void searchWithSeveralSeedsReportsMeanAndSpreadAndKeepsTheBestDevModel() throws Exception {
    writeConll("source", SyntheticCorpus.sentences(30, 1));
    writeConll("target", SyntheticCorpus.sentences(12, 4));
    Cli.ok(dir(), "search", "--source", "xmi/source", "--target", "xmi/target", "--out", "seeds", "--seeds", "2",
        "--seed", "5", "--schemes", "C+W", "--epochs", "1", "--patience", "1", "--batch-size", "8",
        "--word-embedding-size", "8", "--word-hidden", "8", "--dev-fraction", "0.3");
    String table = Files.readString(dir().resolve("seeds/search.md"));
    assertTrue(table, table.matches("(?s).*\\| C\\+W \\| \\d+\\.\\d\\d ± \\d+\\.\\d\\d \\|.*"));
    JsonArray runs = JsonParser.parseString(Files.readString(dir().resolve("seeds/search.json"))).getAsJsonArray();
    assertEquals(2, runs.size());
    JsonObject first = runs.get(0).getAsJsonObject();
    JsonObject second = runs.get(1).getAsJsonObject();
    assertEquals(5, first.get("seed").getAsInt());
    assertEquals(6, second.get("seed").getAsInt());
    JsonObject best = first.get("devF1").getAsDouble() >= second.get("devF1").getAsDouble() ? first : second;
    JsonObject kept = ModelFile.load(dir().resolve("seeds/C+W.model")).provenance();
    assertEquals(best.get("seed").getAsLong(), kept.getAsJsonObject("trainingConfig").get("seed").getAsLong());
    String command = kept.get("command").getAsString();
    assertTrue(command, command.startsWith("ctakes-dtn search --source xmi/source")
        && command.endsWith("(scheme C+W, seed " + best.get("seed").getAsLong() + ")"));
  }

  @Test
  public void vectorsLearnedFromUnannotatedNotesInitialiseTraining() throws Exception {
    writeConll("train", SyntheticCorpus.sentences(120, 1));
    Path notes = Files.createDirectories(dir().resolve("notes"));
    List<LabeledSentence> text = SyntheticCorpus.sentences(200, 4);
    for (int n = 0; n < 10; n++) {
      StringBuilder note = new StringBuilder();
      for (LabeledSentence sentence : text.subList(20 * n, 20 * n + 20)) {
        note.append(String.join(" ", sentence.tokens())).append('\n');
      }
      Files.writeString(notes.resolve("note" + n + ".txt"), note);
    }
    Files.write(notes.resolve("bad.txt"), new byte[] {'o', 'k', ' ', (byte) 0xC3, '(', '\n'});

    Cli.Result vectors = Cli.run(dir(), "vectors", "--in", "notes", "--in", "xmi/train", "--out", "notes.vec",
        "--dimension", "16", "--epochs", "3", "--min-count", "1");
    assertEquals(vectors.toString(), 1, vectors.exitCode());
    assertTrue(vectors.toString(), vectors.out().contains("read 16 notes (1 skipped)"));
    assertTrue(vectors.toString(), vectors.out().contains("skipped notes/bad.txt: byte 3 (line 1)"));
    assertTrue(vectors.toString(), vectors.out().contains("epoch 3/3"));
    String header = Files.readAllLines(dir().resolve("notes.vec")).get(0);
    assertTrue(header, header.matches("\\d+ 16"));
    try (var files = Files.list(dir())) {
      assertTrue("the notes' words are not left behind", files.noneMatch(f -> f.toString().endsWith(".tokens")));
    }

    Cli.Result trained = Cli.ok(dir(), "train", "--train", "xmi/train", "--out", "vec.model", "--epochs", "2",
        "--embeddings", "notes.vec", "--word-embedding-size", "16", "--word-hidden", "8", "--seed", "5");
    assertTrue(trained.toString(), trained.out().contains("model written"));
    JsonObject data = ModelFile.load(dir().resolve("vec.model")).provenance().getAsJsonObject("data");
    JsonObject embeddings = data.getAsJsonObject("embeddings");
    assertTrue(data.toString(), embeddings.get("source").getAsString().endsWith("notes.vec"));
    assertEquals(64, embeddings.get("sha256").getAsString().length());

    writeConll("small", SyntheticCorpus.sentences(12, 6));
    Cli.Result transfer = Cli.ok(dir(), "train", "--source", "xmi/train", "--train", "xmi/small", "--scheme", "C+W",
        "--out", "vec-transfer.model", "--epochs", "1", "--embeddings", "notes.vec", "--word-hidden", "8");
    assertTrue(transfer.toString(), transfer.out().contains("model written"));
    assertEquals(16, ModelFile.load(dir().resolve("vec-transfer.model")).config().wordEmbedding());
  }

  @Test
  public void trainingFineTunesTheBundledModelByDefault() throws Exception {
    writeConll("train", SyntheticCorpus.sentences(60, 1));
    Cli.Result trained = Cli.ok(dir(), "train", "--train", "xmi/train", "--out", "tuned.model", "--epochs", "1",
        "--seed", "5");
    assertTrue(trained.toString(), trained.out().contains("starting from the bundled model"));
    TaggerModel tuned = ModelFile.load(dir().resolve("tuned.model"));
    TaggerModel bundled = ModelRegistry.tagger(ModelRegistry.DEFAULT_MODEL).model();
    assertEquals(bundled.config().wordHidden(), tuned.config().wordHidden());
    assertTrue("the bundled words and their vectors carry over",
        bundled.words().symbols().stream().skip(2).allMatch(tuned.words()::contains));
    JsonObject from = tuned.provenance().getAsJsonObject("data").getAsJsonObject("startFrom");
    assertEquals(ModelRegistry.sha256(ModelRegistry.DEFAULT_MODEL), from.get("sha256").getAsString());

    writeConll("small", SyntheticCorpus.sentences(12, 6));
    Cli.Result transfer = Cli.ok(dir(), "train", "--source", "xmi/train", "--train", "xmi/small", "--scheme", "C+W",
        "--no-warm-start", "--out", "tuned-transfer.model", "--epochs", "1", "--seed", "5");
    assertTrue(transfer.toString(), transfer.out().contains("starting from the bundled model"));
    assertEquals(bundled.config().wordHidden(), ModelFile.load(dir().resolve("tuned-transfer.model")).config()
        .wordHidden());

    Cli.Result fresh = Cli.ok(dir(), "train", "--train", "xmi/train", "--out", "fresh.model", "--epochs", "1",
        "--word-hidden", "8", "--no-learned-vectors");
    assertTrue("a network option means a fresh network", !fresh.out().contains("starting from"));
    assertEquals(8, ModelFile.load(dir().resolve("fresh.model")).config().wordHidden());

    Cli.Result refused = Cli.run(dir(), "train", "--train", "xmi/train", "--out", "x.model", "--start-from", "default",
        "--word-hidden", "8");
    assertEquals(refused.toString(), 2, refused.exitCode());
    assertTrue(refused.toString(), refused.err().contains("cannot go with --word-hidden"));
  }

  /** xmi/few (30 annotated sentences), xmi/held (20) and notes/note.txt (40 unannotated sentences). */
  private void writeFewHeldAndNotes() throws Exception {
    writeConll("few", SyntheticCorpus.sentences(30, 7));
    writeConll("held", SyntheticCorpus.sentences(20, 9));
    Path notes = Files.createDirectories(dir().resolve("notes"));
    StringBuilder text = new StringBuilder();
    for (LabeledSentence sentence : SyntheticCorpus.sentences(40, 8)) {
      text.append(String.join(" ", sentence.tokens())).append(".\n\n");
    }
    Files.writeString(notes.resolve("note.txt"), text);
  }

  @Test
  public void unannotatedNotesTrainNewModelsInRoundsOnTheBestOnesMentions() throws Exception {
    writeFewHeldAndNotes();

    Cli.Result trained = Cli.ok(dir(), "train", "--train", "xmi/few", "--unlabelled", "notes", "--test", "xmi/held",
        "--out", "self.model", "--epochs", "1", "--seed", "5", "--self-training-rounds", "3", "--teacher", "none");
    assertTrue("notes no longer mean a fresh network: " + trained, trained.out().contains("starting from the bundled"));
    assertTrue(trained.toString(), trained.out().contains("self-training, round 1: the first model"));
    assertTrue(trained.toString(), trained.out().contains("self-training, round 1: kept"));
    JsonObject provenance = ModelFile.load(dir().resolve("self.model")).provenance();
    JsonObject selfTraining = provenance.getAsJsonObject("selfTraining");
    int unannotated = selfTraining.get("unannotatedSentences").getAsInt();
    assertTrue(selfTraining.toString(), unannotated >= 30 && unannotated <= 10 * 27);
    JsonArray rounds = selfTraining.getAsJsonArray("rounds");
    assertTrue(selfTraining.toString(), rounds.get(0).getAsJsonObject().get("mentionsFound").getAsInt() > 0);
    // The tags the tagger was unsure of are left open, and counted.
    assertEquals(0.9, selfTraining.get("openBelow").getAsDouble(), 0);
    assertTrue(selfTraining.toString(), rounds.get(0).getAsJsonObject().get("openTokens").getAsInt() >= 0);
    assertTrue(trained.toString(), trained.out().contains("tokens (left open)"));
    // Rounds go on while they are kept, up to three; the model written is the best of the first and the kept ones.
    double bestDevF1 = selfTraining.get("firstDevF1").getAsDouble();
    for (int i = 0; i < rounds.size(); i++) {
      JsonObject round = rounds.get(i).getAsJsonObject();
      boolean last = i == rounds.size() - 1;
      assertTrue(selfTraining.toString(), round.get("kept").getAsBoolean() || last);
      assertEquals(round.get("kept").getAsBoolean(), round.get("devF1").getAsDouble() >= bestDevF1);
      if (round.get("kept").getAsBoolean()) {
        bestDevF1 = round.get("devF1").getAsDouble();
      }
    }
    assertTrue(selfTraining.toString(), rounds.size() <= 3 && (rounds.size() == 3
        || !rounds.get(rounds.size() - 1).getAsJsonObject().get("kept").getAsBoolean()));
    assertEquals(bestDevF1, provenance.getAsJsonObject("scores").get("devF1").getAsDouble(), 0.0);
    assertTrue(provenance.getAsJsonObject("data").has("unannotated"));
    double firstTestF1 = selfTraining.get("firstTestF1").getAsDouble();
    assertTrue(trained.toString(), trained.out().contains(String.format("test exact-span F1 of the first model %.2f",
        100 * firstTestF1)));
    if (selfTraining.get("kept").getAsString().equals("first")) {
      assertEquals(firstTestF1, provenance.getAsJsonObject("scores").get("testF1").getAsDouble(), 0.0);
    }

    // --sample leaves sentences out, which would self-train without --no-self-training
    Cli.Result firstOnly = Cli.ok(dir(), "train", "--train", "xmi/few", "--sample", "0.5", "--out",
        "first.model", "--epochs", "1", "--seed", "5", "--no-self-training");
    assertTrue(firstOnly.toString(), !firstOnly.out().contains("self-training"));
    assertTrue(!ModelFile.load(dir().resolve("first.model")).provenance().has("selfTraining"));
  }

  @Test
  public void aTeacherTagsTheUnannotatedSentencesInsteadOfTheFirstModel() throws Exception {
    writeFewHeldAndNotes();
    String[] run = {"train", "--train", "xmi/few", "--unlabelled", "notes", "--epochs", "1"};

    // Without notes: the first model of the next run, which has them.
    Cli.ok(dir(), "train", "--train", "xmi/few", "--epochs", "1", "--out", "teacher.model", "--seed", "5");
    Cli.ok(dir(), concat(run, "--out", "self.model", "--seed", "5", "--teacher", "none"));
    // Another seed's run with the seed-5 first model as its teacher trains on that model's mentions.
    Cli.Result taught = Cli.ok(dir(), concat(run, "--out", "taught.model", "--seed", "6", "--teacher", "teacher.model"));

    assertTrue(taught.toString(), taught.out().contains("self-training, round 1: the teacher (dev F1"));
    JsonObject provenance = ModelFile.load(dir().resolve("taught.model")).provenance();
    assertEquals(ModelRegistry.sha256(dir().resolve("teacher.model").toString()),
        provenance.getAsJsonObject("data").getAsJsonObject("teacher").get("sha256").getAsString());
    JsonObject byFirstModel = ModelFile.load(dir().resolve("self.model")).provenance().getAsJsonObject("selfTraining");
    assertEquals(firstRound(byFirstModel).get("mentionsFound"),
        firstRound(provenance.getAsJsonObject("selfTraining")).get("mentionsFound"));
  }

  @Test
  public void byDefaultAContextualTeacherTagsForTheLastRoundAndTheModelKeepsTheFastNetwork() throws Exception {
    writeFewHeldAndNotes();

    Cli.Result trained = Cli.ok(dir(), "train", "--train", "xmi/few", "--unlabelled", "notes", "--out", "taught.model",
        "--epochs", "1", "--seed", "5", "--char-lm-passes", "1");
    String out = trained.out();
    assertTrue(trained.toString(), out.contains("contextual teacher: this network with character language models of 128"));
    assertTrue(trained.toString(), out.contains("the teacher's self-training, round 1: the first model (dev F1"));
    assertTrue(trained.toString(), out.contains("self-training, round 1: the teacher (dev F1"));
    assertFalse("two rounds: the teacher's one, then the last: " + out, out.contains("round 2"));
    TaggerModel model = ModelFile.load(dir().resolve("taught.model"));
    assertEquals("the model written has no language models", 0, model.config().contextHidden());
    JsonObject teacher = model.provenance().getAsJsonObject("contextualTeacher");
    assertEquals(128, teacher.getAsJsonObject("charLm").get("hidden").getAsInt());
    assertTrue("the notes were read too: " + teacher, teacher.getAsJsonObject("charLm").get("characters").getAsLong()
        > fewCharacters() + 1000);
    assertEquals(1, teacher.getAsJsonObject("selfTraining").getAsJsonArray("rounds").size());
    assertEquals("the teacher", firstRound(model.provenance().getAsJsonObject("selfTraining")).get("tagger").getAsString());
    try (Stream<Path> left = Files.list(dir())) {
      assertEquals("no checkpoint stays", List.of(), left.filter(p -> p.toString().endsWith(".checkpoint")).toList());
    }
  }

  /** The characters of xmi/few's text (as {@link #writeFewHeldAndNotes} writes it), without the notes. */
  private static long fewCharacters() {
    return SyntheticCorpus.sentences(30, 7).stream().mapToLong(s -> String.join(" ", s.tokens()).length()).sum();
  }

  private static JsonObject firstRound(JsonObject selfTraining) {
    return selfTraining.getAsJsonArray("rounds").get(0).getAsJsonObject();
  }

  private static String[] concat(String[] first, String... more) {
    return Stream.concat(Arrays.stream(first), Arrays.stream(more)).toArray(String[]::new);
  }

  @Test
  public void contextualEmbeddingsLearnFromTheNotesAndTravelInTheModel() throws Exception {
    writeFewHeldAndNotes();

    Cli.Result trained = Cli.ok(dir(), "train", "--train", "xmi/few", "--unlabelled", "notes", "--char-lm", "8",
        "--char-lm-passes", "2", "--no-self-training", "--out", "context.model", "--epochs", "1", "--seed", "5");
    assertTrue(trained.toString(), trained.out().contains("character language models: pass 2 of 2"));
    TaggerModel model = ModelFile.load(dir().resolve("context.model"));
    assertEquals(8, model.config().contextHidden());
    JsonObject charLm = model.provenance().getAsJsonObject("charLm");
    assertTrue("the notes were read too: " + charLm, charLm.get("characters").getAsLong() > fewCharacters() + 1000);

    Cli.ok(dir(), "tag", "--model", "context.model", "--in", "xmi/held", "--out", "context-tagged");
    Cli.ok(dir(), "evaluate", "--gold", "xmi/held", "--pred", "context-tagged", "--json", "context.json");

    // Fine-tuning it again keeps its language models: the network reads them without --char-lm.
    Cli.ok(dir(), "train", "--train", "xmi/few", "--start-from", "context.model", "--no-self-training",
        "--out", "again.model", "--epochs", "1", "--seed", "5");
    TaggerModel again = ModelFile.load(dir().resolve("again.model"));
    assertEquals(8, again.config().contextHidden());
    assertArrayEquals(model.network().params().values(model.network().params().tensor("charLm.forward.lstm.W")),
        again.network().params().values(again.network().params().tensor("charLm.forward.lstm.W")), 0f);
  }

  @Test
  public void aCorruptModelIsRefusedWithItsName() throws Exception {
    writeConll("test", SyntheticCorpus.sentences(5, 3));
    Path model = dir().resolve("broken.model");
    Files.write(model, new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3});
    Cli.Result result = Cli.run(dir(), "evaluate", "--gold", "xmi/test", "--model", "broken.model");
    assertEquals(result.toString(), 1, result.exitCode());
    assertTrue(result.toString(), result.err().contains("broken.model"));
  }
}
