package io.github.ctakesdtn.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.github.ctakesdtn.corpus.AtomicFiles;
import io.github.ctakesdtn.eval.Evaluation;
import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.model.ModelFile;
import io.github.ctakesdtn.model.SharingScheme;
import io.github.ctakesdtn.model.Tagger;
import io.github.ctakesdtn.report.ModelReport;
import io.github.ctakesdtn.report.SearchReport;
import io.github.ctakesdtn.report.SearchRun;
import io.github.ctakesdtn.train.CorpusFingerprint;
import io.github.ctakesdtn.train.HistoryRecorder;
import io.github.ctakesdtn.train.SentenceEvaluation;
import io.github.ctakesdtn.train.EmbeddingTable;
import io.github.ctakesdtn.train.SchemeTrainer;
import io.github.ctakesdtn.train.Trainer;
import io.github.ctakesdtn.train.TrainingConfig;
import io.github.ctakesdtn.train.TrainingListeners;
import io.github.ctakesdtn.train.TransferConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Trains the target task under every sharing scheme: target-only, finetune, each valid static scheme"
            + " (2^3 with the same labels, 4 without) and DTN; prints and writes a table of target dev and test F1,"
            + " training time and DTN's learned gates (OUT/search.md, OUT/search.json), an HTML report with charts"
            + " (OUT/report.html), and keeps every model (OUT/<scheme>.model)."})
final class SearchCommand implements Callable<Integer> {
  static final String SEARCH_JSON = "search.json";
  static final String REPORT = "report.html";

  /** Null, not NaN, for a score there is none of (test F1 without --test): JSON has no NaN. */
  private static final Gson JSON = new GsonBuilder().serializeNulls().create();

  @Spec CommandSpec spec;

  @Option(names = "--source", required = true, paramLabel = "PATH", description = "Source corpus.")
  Path source;

  @Option(names = "--target", required = true, paramLabel = "PATH", description = "Target training corpus.")
  Path target;

  @Option(names = "--dev", paramLabel = "PATH", description = "Target dev corpus (default: carved from --target).")
  Path dev;

  @Option(names = "--test", paramLabel = "PATH", description = "Target test corpus.")
  Path test;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the table and the models.")
  Path out;

  @Option(names = "--schemes", split = ",", paramLabel = "NAME", description = "Only these schemes (default: all).")
  List<String> only = new ArrayList<>();

  @Option(names = "--sample", paramLabel = "FRACTION", description = "Target: train on this fraction (benchmark rule).")
  Double sample;

  @Option(names = "--sample-seed", paramLabel = "N", description = "Seed of the sampling rule (default: ${DEFAULT-VALUE}).")
  long sampleSeed = 13;

  @Option(names = "--dev-fraction", paramLabel = "FRACTION", description = "Without --dev (default: ${DEFAULT-VALUE}).")
  double devFraction = 0.1;

  @Option(names = "--mention-type", paramLabel = "TYPE", description = "CAS input: gold mention type (repeatable).")
  List<String> mentionTypes = new ArrayList<>();

  @Option(names = "--seeds", paramLabel = "N",
      description = "Train each scheme N times, with seeds --seed, --seed+1, ...: the table gives dev and test F1 as"
          + " mean ± sd, and each scheme keeps its model with the best dev F1 (default: ${DEFAULT-VALUE}).")
  int seeds = 1;

  @Mixin
  NetworkOptions options;

  @Mixin
  TransferOptions transfer;

  @Mixin
  EmbeddingOptions embeddings;

  @Mixin
  ReportOptions modelCard;

  @Override
  public Integer call() throws Exception {
    options.check(spec);
    if (seeds < 1) {
      throw new IllegalArgumentException("--seeds must be at least 1, not " + seeds);
    }
    PrintStream console = System.out;
    modelCard.licences(); // a bad entry fails now, not after training
    TrainingData.Split split = TrainingData.split(target, sample, sampleSeed, dev, devFraction, options.seed,
        mentionTypes, console);
    List<LabeledSentence> sourceSentences = TrainingData.load(source, mentionTypes, console);
    List<LabeledSentence> testSentences = test == null ? List.of() : TrainingData.load(test, mentionTypes, console);
    boolean sameLabels = Trainer.labelsOf(sourceSentences).equals(Trainer.labelsOf(split.train()));
    List<SharingScheme> schemes = new ArrayList<>();
    for (SharingScheme scheme : SchemeTrainer.searchSchemes(sameLabels)) {
      if (only.isEmpty() || only.contains(scheme.name())) {
        schemes.add(scheme);
      }
    }
    TransferConfig transferConfig = transfer.config(split.train());
    console.printf("transfer settings for a target of %,d tokens: %s%n", TransferOptions.tokens(split.train()),
        transferConfig.describe());
    Files.createDirectories(out);
    EmbeddingTable vectors = embeddings.table(List.of(split.all(), sourceSentences), out, console);
    StringBuilder table = new StringBuilder(SchemeRuns.TABLE_HEADER);
    List<SearchRun> rows = new ArrayList<>();
    for (SharingScheme scheme : schemes) {
      SchemeRuns runs = new SchemeRuns(scheme.name());
      for (int i = 0; i < seeds; i++) {
        TrainingConfig config = options.config().withSeed(options.seed + i);
        console.printf("== scheme %s%s%n", scheme.name(), seeds > 1 ? ", seed " + config.seed() : "");
        JsonObject provenance = provenance(scheme, config, transferConfig, sourceSentences, split);
        long start = System.nanoTime();
        HistoryRecorder history = new HistoryRecorder(split.dev().stream().map(LabeledSentence::tokens).toList());
        SchemeTrainer.Outcome outcome = SchemeTrainer.train(scheme, options.shape(), config, vectors, transferConfig,
            sourceSentences, split.train(), split.dev(),
            TrainingListeners.all(new ConsoleTrainingListener(console), history), provenance);
        // Wall time of the whole run: finetune's source epochs included.
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Evaluation> evaluations = new ArrayList<>();
        evaluations.add(SentenceEvaluation.evaluate("dev", new Tagger(outcome.model()), split.dev()));
        if (!testSentences.isEmpty()) {
          evaluations.add(SentenceEvaluation.evaluate("test", new Tagger(outcome.model()), testSentences));
        }
        Double testF1 = testSentences.isEmpty() ? null : evaluations.get(1).exact().micro().f1();
        SearchRun run = new SearchRun(scheme.name(), config.seed(), outcome.devF1(), testF1, outcome.bestEpoch(),
            seconds, outcome.gates(), history.history());
        rows.add(run);
        JsonObject scores = JSON.toJsonTree(run).getAsJsonObject();
        scores.remove("history"); // kept in the model's report.json
        provenance.add("scores", scores);
        if (runs.wouldBeBest(run.devF1())) {
          ModelFile.save(outcome.model(), out.resolve(scheme.name() + ".model"), modelCard.documents(outcome.model(),
              history.history(), true, ReportOptions.gateHistograms(outcome.model(), split.dev()), evaluations));
        }
        runs.add(run);
      }
      table.append(runs.tableRow());
      console.print(table);
      // Written after every scheme, so a long search interrupted keeps what it finished.
      AtomicFiles.write(out.resolve("search.md"), o -> o.write(table.toString().getBytes(StandardCharsets.UTF_8)));
      AtomicFiles.write(out.resolve(SEARCH_JSON), o -> o.write(
          JSON.newBuilder().setPrettyPrinting().create().toJson(SearchReport.json(rows))
              .getBytes(StandardCharsets.UTF_8)));
      SearchReport.write(rows, about(), out.resolve(REPORT));
    }
    console.println("table and models written to " + out);
    console.println("report written to " + out.resolve(REPORT));
    return 0;
  }

  /** What the search report says about the search itself. */
  private List<List<String>> about() {
    List<List<String>> about = new ArrayList<>();
    about.add(List.of("command", "ctakes-dtn " + String.join(" ", spec.commandLine().getParseResult().originalArgs())));
    about.add(List.of("source", source.toString()));
    about.add(List.of("target", target + (sample != null ? " sampled " + sample + " seed " + sampleSeed : "")));
    about.add(List.of("dev", dev != null ? dev.toString() : "carved from the target (fraction " + devFraction + ")"));
    about.add(List.of("test", test != null ? test.toString() : "none"));
    about.add(List.of("seeds", seeds + " from " + options.seed));
    about.add(List.of("versions", ModelReport.versions(Versions.asJson())));
    return about;
  }

  private JsonObject provenance(SharingScheme scheme, TrainingConfig config, TransferConfig transferConfig,
      List<LabeledSentence> sourceSentences,
      TrainingData.Split split) throws IOException {
    JsonObject provenance = new JsonObject();
    // The search's own command line, and which of its runs this model is.
    provenance.addProperty("command", "ctakes-dtn " + String.join(" ", spec.commandLine().getParseResult().originalArgs())
        + " (scheme " + scheme.name() + ", seed " + config.seed() + ")");
    provenance.addProperty("created", Instant.now().toString());
    provenance.add("versions", Versions.asJson());
    provenance.add("trainingConfig", JSON.toJsonTree(config));
    provenance.add("transferConfig", JSON.toJsonTree(transferConfig));
    JsonObject data = new JsonObject();
    data.add("source", CorpusFingerprint.of(source.toString(), sourceSentences));
    data.add("train", CorpusFingerprint.of(target.toString(), split.train()));
    data.add("dev", CorpusFingerprint.of(split.devSource(), split.dev()));
    embeddings.record(data);
    provenance.add("data", data);
    return provenance;
  }
}
