package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.corpus.AtomicFiles;
import io.github.ctakesdtn.corpus.CorpusLoader;
import io.github.ctakesdtn.corpus.Document;
import io.github.ctakesdtn.eval.CorpusEvaluator;
import io.github.ctakesdtn.eval.Evaluation;
import io.github.ctakesdtn.eval.EvaluationReport;
import io.github.ctakesdtn.model.ModelFile;
import io.github.ctakesdtn.model.Tagger;
import io.github.ctakesdtn.report.EvaluationPage;
import io.github.ctakesdtn.report.ModelReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Scores predicted mentions against gold mentions: exact-span and overlap match, per label, micro and"
            + " macro precision, recall and F1.",
        "The predictions are a corpus (--pred) or made here by a model (--model) over the gold corpus' own"
            + " sentences and tokens.",
        "Each corpus is a folder of CAS files (XMI, XCAS, binary; documents paired by file name) or a CoNLL file"
            + " (IOB tags read with conlleval semantics; two CoNLL files are paired document by document)."})
final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--gold", required = true, paramLabel = "PATH", description = "Gold corpus.")
  Path gold;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--pred", required = true, paramLabel = "PATH", description = "Predicted corpus.")
    Path predicted;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Tag the gold corpus with this model.")
    Path model;
  }

  @Option(names = "--pred-out", paramLabel = "DIR", description = "With --model: also write the predictions as XMI here.")
  Path predictionsOut;

  @Option(names = "--no-abbreviations",
      description = "With --model: do not tag the abbreviations a document defines after a mention wherever they occur"
          + " in it (the annotator's 'abbreviations' parameter; on by default).")
  boolean noAbbreviations;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the scores as JSON to this file.")
  Path json;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Also write an HTML report (scores by label, the most frequent mistakes, the model's card) to this"
          + " file (default: beside --json, NAME.html, when --json is given).")
  Path reportFile;

  @Option(names = "--mention-type", paramLabel = "TYPE",
      description = "CAS input: full UIMA type name of the mentions to score (repeatable; default: every"
          + " org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation).")
  List<String> mentionTypes = new ArrayList<>();


  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (predictionsOut != null && source.model == null) {
      throw new ParameterException(spec.commandLine(), "--pred-out needs --model");
    }
    // Checked first, so a bad path fails now and not after the whole corpus has been scored.
    if (json != null) {
      CommandPaths.requireWritableFile(json, "--json");
    }
    Path html = reportFile != null ? reportFile : json != null ? json.resolveSibling(baseName(json) + ".html") : null;
    if (html != null) {
      CommandPaths.requireWritableFile(html, "--report");
    }
    if (predictionsOut != null) {
      CommandPaths.prepareOutputFolder(predictionsOut, "--pred-out");
    }
    CorpusLoader.Loaded goldCorpus = CorpusLoader.load(gold, mentionTypes);
    List<String> problems = new ArrayList<>(goldCorpus.problems());
    List<Document> predicted;
    boolean pairByPosition;
    if (source.model != null) {
      Predictions predictions = new Predictions(new Tagger(ModelFile.load(source.model)), predictionsOut,
          !noAbbreviations);
      predicted = new ArrayList<>();
      for (Document document : goldCorpus.documents()) {
        predicted.add(predictions.predict(document));
      }
      pairByPosition = false;
    } else {
      CorpusLoader.Loaded predictedCorpus = CorpusLoader.load(source.predicted, mentionTypes);
      problems.addAll(predictedCorpus.problems());
      predicted = predictedCorpus.documents();
      pairByPosition = goldCorpus.conll() && predictedCorpus.conll();
    }
    EvaluationReport scores = CorpusEvaluator.evaluate(goldCorpus.documents(), predicted, pairByPosition, problems);
    scores.printTable(System.out);
    if (json != null) {
      AtomicFiles.write(json, out -> out.write(scores.toJson().getBytes(StandardCharsets.UTF_8)));
      System.out.println("scores written to " + json);
    }
    if (html != null) {
      EvaluationPage.write(Evaluation.of("gold", scores), about(), source.model == null ? null
          : ModelReport.card(source.model), scores.problems(), html);
      System.out.println("report written to " + html);
    }
    if (predictionsOut != null) {
      System.out.println("predictions written to " + predictionsOut);
    }
    return scores.problems().isEmpty() ? 0 : 1;
  }

  private List<List<String>> about() {
    List<List<String>> about = new ArrayList<>();
    about.add(List.of("gold", gold.toString()));
    about.add(source.model != null ? List.of("model", source.model.toString())
        : List.of("predictions", source.predicted.toString()));
    about.add(List.of("mention types", mentionTypes.isEmpty() ? "every IdentifiedAnnotation" : String.join(", ",
        mentionTypes)));
    return about;
  }

  /** A file's name without its extension: scores.json gives scores. */
  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
