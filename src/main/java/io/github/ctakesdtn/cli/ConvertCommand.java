package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.corpus.BratReader;
import io.github.ctakesdtn.corpus.CasCorpusReader;
import io.github.ctakesdtn.corpus.ConllReader;
import io.github.ctakesdtn.corpus.ConversionReport;
import io.github.ctakesdtn.corpus.CorpusConverter;
import io.github.ctakesdtn.corpus.CorpusFormatReader;
import io.github.ctakesdtn.corpus.CorpusLoader;
import io.github.ctakesdtn.corpus.CtakesTokenizer;
import io.github.ctakesdtn.corpus.DocumentCas;
import io.github.ctakesdtn.corpus.I2b2Reader;
import io.github.ctakesdtn.corpus.LabelSelection;
import io.github.ctakesdtn.corpus.LabelTypeMapping;
import io.github.ctakesdtn.corpus.SentenceSampler;
import io.github.ctakesdtn.corpus.XmiCorpusWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Converts an annotated corpus into XMI, one file per document, holding the text, cTAKES Sentence and"
            + " BaseToken annotations, and the gold mentions as cTAKES IdentifiedAnnotation subtypes that keep"
            + " the corpus label.",
        "Exit code 0 when every document converted, 1 when some were reported and skipped."})
final class ConvertCommand implements Callable<Integer> {
  enum Format { conll, brat, i2b2, cas }

  @Option(names = "--format", required = true, description = "Input format: ${COMPLETION-CANDIDATES}.")
  Format format;

  @Option(names = "--in", required = true, paramLabel = "PATH",
      description = "A CoNLL file or folder of them; for brat and i2b2, a folder of NAME.txt + NAME.ann/.con pairs;"
          + " for cas, a CAS file (XMI, XCAS, binary) or folder of them.")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the XMI files.")
  Path output;

  @Option(names = "--sentences-per-doc", paramLabel = "N",
      description = "CoNLL without -DOCSTART- lines: sentences per document (default: ${DEFAULT-VALUE}).")
  int sentencesPerDocument = CorpusLoader.DEFAULT_SENTENCES_PER_DOCUMENT;

  @Option(names = "--labels", split = ",", paramLabel = "LABEL[=NAME]",
      description = "Keep only these labels (as the corpus spells them), renamed where =NAME is given, e.g."
          + " Condition=DiseaseDisorderMention,Drug=MedicationMention; mentions of other labels are counted"
          + " and left out. Default: every label.")
  List<String> labels = new ArrayList<>();

  @Option(names = "--map", paramLabel = "LABEL=TYPE",
      description = "Write LABEL as this cTAKES type (short textsem name or full UIMA name), overriding the defaults.")
  List<String> mappings = new ArrayList<>();

  @Option(names = "--retokenize",
      description = "i2b2: split and tokenize with cTAKES instead of using the file's lines and whitespace tokens.")
  boolean retokenize;

  @Option(names = "--discontinuous", paramLabel = "POLICY",
      description = "BRAT mentions in several fragments: drop, extent (first start to last end) or first"
          + " (first fragment) (default: ${DEFAULT-VALUE}).")
  BratReader.DiscontinuousPolicy discontinuous = BratReader.DiscontinuousPolicy.DROP;

  @Option(names = "--sample", paramLabel = "FRACTION",
      description = "Keep this fraction of the sentences by the deterministic benchmark rule (e.g. 0.1).")
  Double sample;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the sampling rule (default: ${DEFAULT-VALUE}).")
  long seed = 13;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    OptionChecks.atLeast(spec, "--sentences-per-doc", sentencesPerDocument, 1);
    if (sample != null && !(sample > 0 && sample <= 1)) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--sample': " + sample + " (must be more than 0 and at most 1)");
    }
    CommandPaths.requireExisting(input, "--in");
    int stale = CommandPaths.prepareOutputFolder(output, "--out");
    LabelTypeMapping mapping = LabelTypeMapping.withOverrides(mappings);
    LabelSelection selection;
    try {
      selection = LabelSelection.of(labels);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--labels': " + e.getMessage());
    }
    XmiCorpusWriter writer = new XmiCorpusWriter(output, DocumentCas.gold(mapping));
    SentenceSampler sampler = sample == null ? null : new SentenceSampler(sample, seed);
    CtakesTokenizer tokenizer = needsTokenizer() ? new CtakesTokenizer() : null;
    try {
      CorpusFormatReader reader = switch (format) {
        case conll -> new ConllReader(sentencesPerDocument, selection);
        case brat -> new BratReader(tokenizer, discontinuous, selection);
        case i2b2 -> new I2b2Reader(tokenizer, selection);
        case cas -> new CasCorpusReader(List.of(), selection);
      };
      ConversionReport report = new CorpusConverter(reader, writer, sampler).convert(input);
      report.print(System.out);
      if (!selection.neverSeen().isEmpty()) {
        System.out.println("warning: no mention carries the selected label(s) " + String.join(", ", selection.neverSeen())
            + " (labels are matched exactly, as the corpus spells them)");
      }
      if (stale > 0) {
        System.out.printf("stale temporaries  %,d removed (left by an interrupted run)%n", stale);
      }
      System.out.println(report.documents() > 0 ? "XMI written to " + output : "no XMI written");
      return report.failures().isEmpty() ? 0 : 1;
    } finally {
      if (tokenizer != null) {
        tokenizer.close();
      }
    }
  }

  private boolean needsTokenizer() {
    return format == Format.brat || (format == Format.i2b2 && retokenize);
  }
}
