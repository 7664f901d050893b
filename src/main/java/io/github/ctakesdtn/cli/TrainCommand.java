package io.github.ctakesdtn.cli;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.github.ctakesdtn.corpus.AtomicFiles;
import io.github.ctakesdtn.corpus.LabelTypeMapping;
import io.github.ctakesdtn.corpus.SentenceSampler;
import io.github.ctakesdtn.corpus.TagScheme;
import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.model.ModelFile;
import io.github.ctakesdtn.model.NetworkConfig;
import io.github.ctakesdtn.model.Tagger;
import io.github.ctakesdtn.eval.Evaluation;
import io.github.ctakesdtn.nn.Params;
import io.github.ctakesdtn.train.CharLmTrainer;
import io.github.ctakesdtn.train.Checkpoints;
import io.github.ctakesdtn.train.PretrainedStart;
import io.github.ctakesdtn.train.CorpusFingerprint;
import io.github.ctakesdtn.train.HistoryRecorder;
import io.github.ctakesdtn.train.SentenceEvaluation;
import io.github.ctakesdtn.train.EmbeddingTable;
import io.github.ctakesdtn.train.Trainer;
import io.github.ctakesdtn.train.TrainingConfig;
import io.github.ctakesdtn.train.TrainingListener;
import io.github.ctakesdtn.train.TrainingListeners;
import io.github.ctakesdtn.train.TransferConfig;
import io.github.ctakesdtn.train.SchemeTrainer;
import io.github.ctakesdtn.model.SharingScheme;
import io.github.ctakesdtn.model.TaggerModel;
import io.github.ctakesdtn.uima.ModelRegistry;
import io.github.ctakesdtn.vectors.UnlabelledNotes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Trains a BiLSTM-CRF tagger (character encoder, word embedding, word BiLSTM, CRF) on an annotated corpus"
            + " and writes one model file.",
        "Corpora are folders of CAS files (XMI, XCAS, binary) or CoNLL files. Early stopping and model selection"
            + " use exact-span F1 on the dev corpus (or on sentences carved from train when none is given).",
        "Training starts from the bundled model (--start-from). Given unannotated sentences (--unlabelled notes, or"
            + " those --sample leaves out), a teacher tags them and a second model trains on its mentions too (the"
            + " tags it is unsure of left open), kept when its dev F1 is no worse than the first model's (self-training)."
            + " The teacher is this network with contextual character language models, itself self-trained for a"
            + " round (--teacher).",
        "The best model so far is written to --out after every improving epoch, so a stopped run leaves one;"
            + " a checkpoint written after every epoch (MODEL.checkpoint) lets --resume continue a stopped run."})
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"--train", "--target"}, required = true, paramLabel = "PATH",
      description = "Training corpus (with --source: the target task's).")
  Path train;

  @Option(names = "--source", paramLabel = "PATH",
      description = "Transfer learning: a large source corpus trained together with the target (--train).")
  Path source;

  @Option(names = "--scheme", paramLabel = "NAME",
      description = "With --source: dtn (default), target-only, finetune, or a static scheme named by what is shared"
          + " (C+W+O, C+W, C+O, C, W+O, W, O, none; O only when both tasks have the same labels).")
  String schemeName = SharingScheme.DTN.name();

  @Option(names = "--dev", paramLabel = "PATH", description = "Dev corpus for early stopping and model selection.")
  Path dev;

  @Option(names = "--test", paramLabel = "PATH", description = "Test corpus, scored once at the end and recorded in the model.")
  Path test;

  @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model file to write.")
  Path out;

  @Option(names = "--resume",
      description = "Continue an interrupted run from its checkpoint (--out's name + .checkpoint), given the same options"
          + " and data; the model is the one an uninterrupted run writes. Without a checkpoint, train from the start.")
  boolean resume;

  @Option(names = "--mention-type", paramLabel = "TYPE",
      description = "CAS input: full UIMA type name of the gold mentions (repeatable; default: every IdentifiedAnnotation).")
  List<String> mentionTypes = new ArrayList<>();

  @Option(names = "--sample", paramLabel = "FRACTION", description = "Train on this fraction of the training sentences (benchmark rule).")
  Double sample;

  @Option(names = "--sample-seed", paramLabel = "N", description = "Seed of the sampling rule (default: ${DEFAULT-VALUE}).")
  long sampleSeed = 13;

  @Option(names = "--dev-fraction", paramLabel = "FRACTION",
      description = "Without --dev: fraction of the training sentences carved out as dev (default: ${DEFAULT-VALUE}).")
  double devFraction = 0.1;

  @Option(names = "--map", paramLabel = "LABEL=TYPE",
      description = "Annotate LABEL as this cTAKES type (short textsem name or full UIMA name), over the defaults.")
  List<String> mappings = new ArrayList<>();

  @Option(names = "--start-from", paramLabel = "MODEL",
      description = "Start from a trained single-task model's weights and fine-tune them (with --source: every copy of"
          + " the transfer network starts from them): a model file, 'default' (the bundled model) or 'none' for a fresh"
          + " network. The new network takes that model's layer sizes, words and vectors. Default: 'default' with the"
          + " default network and no word-vector option; 'none' else.")
  String startFrom;

  @Option(names = "--no-self-training",
      description = "From a trained start, stop after the first model instead of self-training on the unannotated"
          + " sentences (those --sample leaves out, and the --unlabelled notes).")
  boolean noSelfTraining;

  @Option(names = "--self-training-rounds", paramLabel = "N",
      description = "Most rounds of self-training: each round's model, when its dev F1 is no worse, tags the"
          + " unannotated sentences for the next (default: ${DEFAULT-VALUE}).")
  int selfTrainingRounds = 2;

  @Option(names = "--self-training-open-below", paramLabel = "P",
      description = "Self-training leaves open the tags of the tokens whose tag the tagger gives a probability under P:"
          + " the new model sums over every tag there instead of learning the tagger's guess; 0 fixes every tag"
          + " (default: ${DEFAULT-VALUE}).")
  double selfTrainingOpenBelow = SelfTraining.OPEN_BELOW;

  @Option(names = "--teacher", paramLabel = "MODEL",
      description = "Who tags the unannotated sentences of self-training: contextual (the default) trains a teacher"
          + " first, this network with character language models of " + ContextualTeacher.CHAR_LM + " units (--char-lm),"
          + " self-trained for all rounds but the last, whose mentions the last round's model learns; none, the first"
          + " model and each kept round's model; or a trained model's file (distillation), whose labels must be among"
          + " the training corpus's.")
  String teacher = ContextualTeacher.NAME;

  @Option(names = "--char-lm", paramLabel = "N",
      description = "Contextual embeddings (Akbik et al. 2018): two character language models of N LSTM units, trained"
          + " first on the text this run has (training corpora, source, --unlabelled notes), give each token an"
          + " embedding from its sentence; 0 for none. Tagging is slower (docs/benchmarks.md). Default: ${DEFAULT-VALUE}"
          + " (or the start model's).")
  int charLm = 0;

  @Option(names = "--char-lm-passes", paramLabel = "N",
      description = "Passes of the character language models over their text (default: ${DEFAULT-VALUE}).")
  int charLmPasses = CharLmTrainer.Settings.defaults(1, 0).passes();

  static final String NO_START = "none";
  static final String NO_TEACHER = "none";
  static final String BUNDLED_START = "default";

  /** Options that a start model's network and vectors would override: given, they mean a fresh start by default. */
  private static final List<String> FRESH_NETWORK_OPTIONS = List.of("--char-encoder", "--word-embedding-size",
      "--word-hidden", "--shape-embedding-size", "--embeddings", "--no-learned-vectors");

  @Mixin
  EmbeddingOptions embeddings;

  @Mixin
  NetworkOptions options;

  @Mixin
  TransferOptions transfer;

  @Mixin
  ReportOptions modelCard;

  @Override
  public Integer call() throws Exception {
    options.check(spec);
    OptionChecks.atLeast(spec, "--char-lm", charLm, 0);
    OptionChecks.atLeast(spec, "--char-lm-passes", charLmPasses, 1);
    OptionChecks.atLeast(spec, "--self-training-rounds", selfTrainingRounds, 1);
    OptionChecks.within(spec, "--self-training-open-below", selfTrainingOpenBelow, 0, 1);
    // Before any work: a bad --out would otherwise fail only after the first epoch.
    CommandPaths.requireWritableFile(out, "--out");
    PrintStream console = System.out;
    LabelTypeMapping.withOverrides(mappings);
    TrainingData.Split split = TrainingData.split(train, sample, sampleSeed, dev, devFraction, options.seed,
        mentionTypes, console);
    List<LabeledSentence> trainSentences = split.train();
    List<LabeledSentence> devSentences = split.dev();
    String devSource = split.devSource();

    NetworkConfig shape = options.shape().withContextHidden(charLm);
    TrainingConfig config = options.config();

    JsonObject provenance = new JsonObject();
    // No clock time in the model file: the same data, options and seed always give the same bytes, resumed or not.
    provenance.addProperty("command", "ctakes-dtn " + String.join(" ", recordedArguments()));
    provenance.add("versions", Versions.asJson());
    provenance.add("trainingConfig", new Gson().toJsonTree(config));
    JsonObject data = new JsonObject();
    data.add("train", CorpusFingerprint.of(train + (sample != null ? " sampled " + sample + " seed " + sampleSeed : ""),
        trainSentences));
    data.add("dev", CorpusFingerprint.of(devSource, devSentences));
    provenance.add("data", data);

    PretrainedStart start = pretrainedStart(data, console);
    requireUnlabelledRead(start);
    List<List<String>> unannotated = List.of();
    if (start != null && source == null && !noSelfTraining) {
      SelfTraining.Unannotated drawn = SelfTraining.draw(split, embeddings.unlabelled, options.seed);
      unannotated = drawn.sentences();
      if (!unannotated.isEmpty()) {
        console.printf("self-training: %,d unannotated sentences for new models after the first%s%n",
            unannotated.size(), drawn.notes() == 0 ? ""
                : String.format(" (%,d of the %,d notes read)", drawn.notesRead(), drawn.notes()));
        data.add("unannotated", CorpusFingerprint.of("unannotated sentences",
            unannotated.stream().map(tokens -> new LabeledSentence(tokens, List.of())).toList()));
      }
    }
    TaggerModel teacherModel = teacher(start, unannotated, trainSentences, data);
    boolean contextualTeacher = teacherModel == null && teacher.equals(ContextualTeacher.NAME) && !unannotated.isEmpty()
        && !contextual(start);
    modelCard.licences(); // a bad entry fails now, not after training
    HistoryRecorder history = new HistoryRecorder(devSentences.stream().map(LabeledSentence::tokens).toList());
    TrainingListener listener = TrainingListeners.all(progress(console, history, provenance), history);
    SharingScheme scheme = SharingScheme.TARGET_ONLY;
    List<LabeledSentence> sourceSentences = List.of();
    TransferConfig transferConfig = transfer.config(trainSentences);
    if (source != null) {
      sourceSentences = TrainingData.load(source, mentionTypes, console);
      data.add("source", CorpusFingerprint.of(source.toString(), sourceSentences));
      scheme = SharingScheme.named(schemeName, Trainer.labelsOf(sourceSentences).equals(Trainer.labelsOf(trainSentences)));
      console.printf("transfer: source %,d sentences, scheme %s; for a target of %,d tokens: %s%n",
          sourceSentences.size(), scheme.name(), TransferOptions.tokens(trainSentences), transferConfig.describe());
      provenance.add("transferConfig", new Gson().toJsonTree(transferConfig));
    }
    JsonObject recipe = recipe(provenance, scheme, transferConfig);
    Checkpoints checkpoints = checkpoints(Checkpoints.fileFor(out), recipe, console);
    history.checkpointIn(checkpoints.runState(), checkpoints.resumed());
    Path scratch = vectorsScratch();
    removeTree(scratch); // a killed run's
    EmbeddingTable table;
    try {
      table = embeddings.table(List.of(split.all(), sourceSentences), Files.createDirectories(scratch), console,
          checkpoints);
    } finally {
      removeTree(scratch);
    }
    embeddings.record(data);
    Params contextModels = charLm == 0 ? null : charLanguageModels(runText(split, sourceSentences), charLm,
        provenance, console);
    SharingScheme trainedScheme = scheme; // the lambda takes effectively final copies
    List<LabeledSentence> sourceCorpus = sourceSentences;
    PhaseFactory phases = (phaseShape, phaseContext) -> (sentences, phaseListener, phaseCheckpoints) ->
        SchemeTrainer.train(trainedScheme, phaseShape, config, table, transferConfig, sourceCorpus, sentences, devSentences,
            phaseListener, provenance, phaseCheckpoints, start, phaseContext);
    Phase phase = phases.of(shape, contextModels);
    SchemeTrainer.Outcome outcome = phase.train(trainSentences, listener, checkpoints);
    SchemeTrainer.Outcome first = outcome;
    List<Checkpoints> roundCheckpoints = new ArrayList<>();
    if (!unannotated.isEmpty()) {
      int rounds = selfTrainingRounds;
      if (contextualTeacher) {
        teacherModel = contextualTeacher(phases, shape, split, unannotated, recipe, roundCheckpoints, provenance, console);
        rounds = 1; // the teacher's rounds were all but the last
      }
      SelfTraining.RoundTrainer trainer = roundTrainer(phase, recipe, devSentences, roundCheckpoints,
          this::selfTrainingCheckpoint, true, provenance, console);
      SelfTraining.Trained kept = SelfTraining.inRounds(trainer, new SelfTraining.Trained(first, history), teacherModel,
          devSentences, unannotated, trainSentences, new SelfTraining.Settings(rounds, selfTrainingOpenBelow),
          provenance, console);
      outcome = kept.outcome();
      history = kept.history();
    }
    TaggerModel trained = outcome.model();
    JsonObject scores = new JsonObject();
    scores.addProperty("scheme", scheme.name());
    scores.addProperty("bestEpoch", outcome.bestEpoch());
    scores.addProperty("devF1", outcome.devF1());
    scores.addProperty("epochsRun", outcome.epochsRun());
    if (!outcome.gates().isEmpty()) {
      provenance.add("gates", new Gson().toJsonTree(outcome.gates()));
      outcome.gates().forEach((group, stat) -> console.printf(
          "gate %-10s mean %.3f  sd %.3f  (1 = shared, 0 = private)%n", group, stat.mean(), stat.std()));
    }
    List<Evaluation> evaluations = new ArrayList<>();
    evaluations.add(SentenceEvaluation.evaluate("dev", new Tagger(trained), devSentences));
    if (test != null) {
      // Tagged document by document, as evaluate and the annotator tag them (abbreviations included).
      List<List<LabeledSentence>> testDocuments = TrainingData.loadDocuments(test, mentionTypes, console);
      List<LabeledSentence> testSentences = testDocuments.stream().flatMap(List::stream).toList();
      evaluations.add(SentenceEvaluation.evaluateDocuments("test", new Tagger(trained), testDocuments));
      double testF1 = evaluations.get(1).exact().micro().f1();
      scores.addProperty("testF1", testF1);
      if (provenance.has("selfTraining")) {
        // What self-training did on held-out data, whichever model it kept (it chose by dev F1 alone).
        double firstTestF1 = SentenceEvaluation.evaluateDocuments("test", new Tagger(first.model()), testDocuments)
            .exact().micro().f1();
        provenance.getAsJsonObject("selfTraining").addProperty("firstTestF1", firstTestF1);
        console.printf("self-training: test exact-span F1 of the first model %.2f%n", 100 * firstTestF1);
      }
      data.add("test", CorpusFingerprint.of(test.toString(), testSentences));
      console.printf("test exact-span F1 %.2f on %,d sentences%n", 100 * testF1, testSentences.size());
    }
    // Last, whichever phase's epochs wrote partial scores first, so that a resumed run writes the same bytes.
    provenance.remove("scores");
    provenance.add("scores", scores);
    ModelFile.save(trained.withLabelTypes(mappings), out, modelCard.documents(trained.withLabelTypes(mappings), history.history(), true,
        ReportOptions.gateHistograms(trained, devSentences), evaluations));
    checkpoints.remove();
    for (Checkpoints round : roundCheckpoints) {
      round.remove();
    }
    console.printf("best dev F1 %.2f at epoch %d of %d (%s); model written to %s%n",
        100 * scores.get("devF1").getAsDouble(), scores.get("bestEpoch").getAsInt(), scores.get("epochsRun").getAsInt(),
        ConsoleTrainingListener.duration(Math.round(outcome.seconds())), out);
    console.println("report written to " + ReportOptions.writeReport(out));
    return 0;
  }

  /**
   * The text this run has, which --char-lm's language models read: every training sentence (sampled or
   * not), the source corpus and the --unlabelled notes.
   */
  private List<List<String>> runText(TrainingData.Split split, List<LabeledSentence> sourceSentences) throws Exception {
    List<List<String>> text = new ArrayList<>();
    Stream.concat(split.all().stream(), sourceSentences.stream()).forEach(s -> text.add(s.tokens()));
    try (UnlabelledNotes reader = new UnlabelledNotes()) {
      for (Path note : UnlabelledNotes.files(embeddings.unlabelled, "--unlabelled")) {
        text.addAll(SelfTraining.sentencesOf(reader, note));
      }
    }
    return text;
  }

  /** Character language models of {@code hidden} units trained on this text, recorded as {@code charLm} in {@code record}. */
  private Params charLanguageModels(List<List<String>> text, int hidden, JsonObject record, PrintStream console)
      throws Exception {
    CharLmTrainer.Settings defaults = CharLmTrainer.Settings.defaults(hidden, options.seed);
    CharLmTrainer.Settings settings = new CharLmTrainer.Settings(hidden, charLmPasses, defaults.batch(),
        defaults.learningRate(), defaults.clipNorm(), options.seed);
    CharLmTrainer.Trained trained = CharLmTrainer.train(text, settings, console);
    JsonObject trainedRecord = new Gson().toJsonTree(settings).getAsJsonObject();
    trainedRecord.addProperty("characters", trained.characters());
    trainedRecord.addProperty("forwardBitsPerChar", trained.forwardBits());
    trainedRecord.addProperty("backwardBitsPerChar", trained.backwardBits());
    record.add("charLm", trainedRecord);
    return trained.params();
  }

  /** Whether this run's network has character language models: --char-lm's, or its start model's. */
  private boolean contextual(PretrainedStart start) {
    return charLm > 0 || (start != null && start.shapeFor(0, 0).contextHidden() > 0);
  }

  /**
   * Trains the contextual teacher ({@link ContextualTeacher}): this run's network with character language
   * models, from the same start, on the annotated sentences, then self-trained on the unannotated ones for
   * all rounds but the last; returns the model it keeps, recorded as {@code contextualTeacher} in the
   * provenance. Its phases have checkpoints of their own; its epochs are shown but never written to --out,
   * which only ever holds this run's own network.
   */
  private TaggerModel contextualTeacher(PhaseFactory phases, NetworkConfig shape, TrainingData.Split split,
      List<List<String>> unannotated, JsonObject recipe, List<Checkpoints> checkpoints, JsonObject provenance,
      PrintStream console) throws Exception {
    console.printf("contextual teacher: this network with character language models of %d units tags the unannotated"
        + " sentences for the last round (--teacher none: the first model does)%n", ContextualTeacher.CHAR_LM);
    JsonObject record = new JsonObject();
    provenance.add("contextualTeacher", record);
    Params languageModels = charLanguageModels(ContextualTeacher.text(split, unannotated), ContextualTeacher.CHAR_LM,
        record, console);
    Phase phase = phases.of(shape.withContextHidden(ContextualTeacher.CHAR_LM), languageModels);
    JsonObject teacherRecipe = recipe.deepCopy();
    teacherRecipe.addProperty("contextualTeacher", ContextualTeacher.CHAR_LM);
    teacherRecipe.addProperty("charLmPasses", charLmPasses);
    Checkpoints firstCheckpoints = checkpoints(teacherCheckpoint(0), teacherRecipe, console);
    checkpoints.add(firstCheckpoints);
    HistoryRecorder history = new HistoryRecorder(split.dev().stream().map(LabeledSentence::tokens).toList());
    SchemeTrainer.Outcome first = phase.train(split.train(), new ConsoleTrainingListener(console), firstCheckpoints);
    SelfTraining.RoundTrainer trainer = roundTrainer(phase, teacherRecipe, split.dev(), checkpoints,
        this::teacherCheckpoint, false, provenance, console);
    SelfTraining.Trained kept = SelfTraining.inRounds(trainer, new SelfTraining.Trained(first, history), null,
        split.dev(), unannotated, split.train(), new SelfTraining.Settings(selfTrainingRounds - 1, selfTrainingOpenBelow,
            "the teacher's self-training"), record, console);
    record.addProperty("devF1", kept.outcome().devF1());
    return kept.outcome().model();
  }

  /** The model to start from, recorded (location and SHA-256) in the provenance's data; null for a fresh start. */
  private PretrainedStart pretrainedStart(JsonObject data, PrintStream console) throws IOException {
    List<String> freshOptions = FRESH_NETWORK_OPTIONS.stream()
        .filter(name -> spec.commandLine().getParseResult().hasMatchedOption(name)).toList();
    String location = startFrom;
    if (location == null) {
      location = freshOptions.isEmpty() ? BUNDLED_START : NO_START;
    } else if (!location.equals(NO_START) && !freshOptions.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--start-from takes the trained model's network and word"
          + " vectors, so it cannot go with " + String.join(", ", freshOptions));
    }
    if (location.equals(NO_START)) {
      return null;
    }
    String model = location.equals(BUNDLED_START) ? ModelRegistry.DEFAULT_MODEL : location;
    PretrainedStart start = new PretrainedStart(ModelRegistry.tagger(model).model(),
        LabelTypeMapping.withOverrides(mappings));
    embeddings.noLearnedVectors = true; // the start model's words come with their trained vectors
    JsonObject from = new JsonObject();
    from.addProperty("source", model);
    from.addProperty("sha256", ModelRegistry.sha256(model));
    data.add("startFrom", from);
    console.printf("starting from %s (pass --start-from none for a fresh network)%n",
        location.equals(BUNDLED_START) ? "the bundled model" : model);
    return start;
  }

  /**
   * Refuses --unlabelled notes that nothing would read, rather than ignore them: from a trained start only
   * self-training reads them, which runs without --source; on a fresh network only the vectors it learns;
   * the character language models of --char-lm always read them.
   */
  private void requireUnlabelledRead(PretrainedStart start) {
    if (embeddings.unlabelled.isEmpty() || charLm > 0) {
      return;
    }
    String why = null;
    if (start != null && source != null) {
      why = "--source: from a trained start only self-training reads the notes, and it runs without a source corpus";
    } else if (start != null && noSelfTraining) {
      why = "--no-self-training: from a trained start only self-training reads the notes";
    } else if (start == null && embeddings.embeddings != null) {
      why = "--embeddings: on a fresh network only the word vectors it learns read the notes, and --embeddings gives them";
    } else if (start == null && embeddings.noLearnedVectors) {
      why = "--no-learned-vectors: on a fresh network only the word vectors it learns read the notes";
    }
    if (why != null) {
      throw new ParameterException(spec.commandLine(), "--unlabelled would go unread with " + why);
    }
  }

  /** The command line as the model records it: --resume changes nothing in the result, so it is left out. */
  private List<String> recordedArguments() {
    return spec.commandLine().getParseResult().originalArgs().stream().filter(arg -> !arg.equals("--resume")).toList();
  }

  /**
   * What decides the trained model, which a resumed run must share with the interrupted one: the
   * versions, the options (but the thread count, which changes nothing) and the data's fingerprints.
   */
  private JsonObject recipe(JsonObject provenance, SharingScheme scheme, TransferConfig transferConfig)
      throws IOException {
    Gson gson = new Gson();
    JsonObject recipe = new JsonObject();
    recipe.add("versions", provenance.get("versions"));
    recipe.add("network", gson.toJsonTree(options.shape()));
    JsonObject training = gson.toJsonTree(options.config()).getAsJsonObject();
    training.remove("threads");
    recipe.add("trainingConfig", training);
    recipe.addProperty("scheme", scheme.name());
    if (source != null) {
      recipe.add("transferConfig", gson.toJsonTree(transferConfig));
    }
    recipe.add("labelTypes", gson.toJsonTree(mappings));
    recipe.add("data", provenance.get("data").deepCopy());
    recipe.add("vectors", embeddings.recipe());
    return recipe;
  }

  /** One training run of the command's network, options and dev set on these training sentences. */
  private interface Phase {
    SchemeTrainer.Outcome train(List<LabeledSentence> sentences, TrainingListener listener, Checkpoints checkpoints);
  }

  /** The run's phase for a network of this shape with these character language models (null: none). */
  private interface PhaseFactory {
    Phase of(NetworkConfig shape, Params contextModels);
  }

  /**
   * The --teacher model, loaded and checked before any training, and recorded (location and SHA-256) in
   * the provenance's data; null without --teacher. It needs the unannotated sentences of self-training
   * to tag, and labels the training corpus has, since its mentions become training sentences.
   */
  private TaggerModel teacher(PretrainedStart start, List<List<String>> unannotated, List<LabeledSentence> annotated,
      JsonObject data) throws IOException {
    boolean given = spec.commandLine().getParseResult().hasMatchedOption("--teacher");
    if (teacher.equals(NO_TEACHER) || (teacher.equals(ContextualTeacher.NAME) && !given)) {
      return null;
    }
    String why = start == null ? "a fresh network (self-training runs from a trained start)"
        : source != null ? "--source (self-training runs without a source corpus)"
        : noSelfTraining ? "--no-self-training"
        : unannotated.isEmpty() ? "no unannotated sentences (pass --sample or --unlabelled notes)" : null;
    if (why != null) {
      throw new ParameterException(spec.commandLine(),
          "--teacher tags the unannotated sentences of self-training, which this run does not have: " + why);
    }
    if (teacher.equals(ContextualTeacher.NAME)) {
      if (contextual(start)) {
        throw new ParameterException(spec.commandLine(), "--teacher contextual trains a network with character language"
            + " models to teach this run's, which has them already (--char-lm, or a --start-from model with them)");
      }
      return null;
    }
    TaggerModel model = ModelRegistry.tagger(teacher).model();
    List<String> labels = Trainer.labelsOf(annotated);
    List<String> unknown = model.tags().labels().stream().filter(label -> !labels.contains(label)).toList();
    if (!unknown.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--teacher " + teacher + " finds " + unknown
          + ", which the training corpus does not annotate (its labels: " + labels + ")");
    }
    JsonObject from = new JsonObject();
    from.addProperty("source", teacher);
    from.addProperty("sha256", ModelRegistry.sha256(teacher));
    data.add("teacher", from);
    return model;
  }

  /**
   * Trains a self-training round's model: the phase's network from the same start, with a checkpoint of its
   * own ({@code checkpointFile} of the round; added to {@code checkpoints}, removed once the model is written)
   * and its own progress, which writes each better model to --out when {@code writeImproved}.
   */
  private SelfTraining.RoundTrainer roundTrainer(Phase phase, JsonObject recipe, List<LabeledSentence> dev,
      List<Checkpoints> checkpoints, IntFunction<Path> checkpointFile, boolean writeImproved, JsonObject provenance,
      PrintStream console) {
    return (round, sentences) -> {
      JsonObject roundRecipe = recipe.deepCopy();
      roundRecipe.addProperty("phase", round == 1 ? "self-training" : "self-training round " + round);
      roundRecipe.addProperty("selfTrainingOpenBelow", selfTrainingOpenBelow);
      Checkpoints roundCheckpoints = checkpoints(checkpointFile.apply(round), roundRecipe, console);
      checkpoints.add(roundCheckpoints);
      HistoryRecorder history = new HistoryRecorder(dev.stream().map(LabeledSentence::tokens).toList());
      history.checkpointIn(roundCheckpoints.runState(), roundCheckpoints.resumed());
      TrainingListener shown = writeImproved ? progress(console, history, provenance) : new ConsoleTrainingListener(console);
      SchemeTrainer.Outcome outcome = phase.train(sentences, TrainingListeners.all(shown, history), roundCheckpoints);
      return new SelfTraining.Trained(outcome, history);
    };
  }

  /**
   * Reports progress and keeps the best model so far on disk after every improving epoch, so that a
   * long run that is stopped still leaves one.
   */
  private TrainingListener progress(PrintStream console, HistoryRecorder history, JsonObject provenance) {
    return new ConsoleTrainingListener(console) {
      @Override
      public void improved(TaggerModel model, EpochReport report) {
        JsonObject partial = new JsonObject();
        partial.addProperty("bestEpoch", report.bestEpoch());
        partial.addProperty("devF1", report.bestDevF1());
        partial.addProperty("complete", false);
        provenance.add("scores", partial);
        try {
          ModelFile.save(model.withLabelTypes(mappings), out,
              modelCard.documents(model.withLabelTypes(mappings), history.history(), false, Map.of(), List.of()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /**
   * The checkpoint of a self-training round, beside the first phase's: all stay until the model is
   * written. Round 1's keeps the name it had before there were rounds, so that an older run resumes.
   */
  private Path selfTrainingCheckpoint(int round) {
    return out.resolveSibling(out.getFileName() + ".self-training" + (round == 1 ? "" : "-" + round) + ".checkpoint");
  }

  /** The checkpoint of the contextual teacher's first model (round 0) or of its self-training round. */
  private Path teacherCheckpoint(int round) {
    return out.resolveSibling(out.getFileName() + ".teacher" + (round == 0 ? "" : "-self-training-" + round) + ".checkpoint");
  }

  private Checkpoints checkpoints(Path file, JsonObject recipe, PrintStream console) throws IOException {
    // Half-written model or checkpoint files of a killed run (never renamed into place).
    AtomicFiles.removeStaleTemporariesOf(out);
    AtomicFiles.removeStaleTemporariesOf(file);
    if (!resume) {
      if (Files.exists(file)) {
        console.printf("note: %s, the checkpoint of an interrupted run, will be replaced: pass --resume to continue"
            + " that run instead%n", file);
      }
      return Checkpoints.startingAfresh(file, recipe);
    }
    Checkpoints checkpoints = Checkpoints.resuming(file, recipe);
    console.println(checkpoints.resumed() == null ? "no checkpoint at " + file + ": training from the start"
        : "resuming from " + file);
    return checkpoints;
  }

  /**
   * The run's own folder beside the model, where the text of learned vectors (the notes' words)
   * stays while they are learned: removed afterwards, and at the next start when a killed run left it.
   */
  private Path vectorsScratch() {
    return out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".vectors");
  }

  private static void removeTree(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }
}
