package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.corpus.ConversionReport;
import io.github.ctakesdtn.corpus.CorpusFormatException;
import io.github.ctakesdtn.corpus.CorpusLoader;
import io.github.ctakesdtn.corpus.Document;
import io.github.ctakesdtn.model.LabeledSentence;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.github.ctakesdtn.corpus.SentenceSampler;

/** Loads a corpus (CAS folder or CoNLL file) as labelled sentences, reporting what could not be used. */
final class TrainingData {
  /**
   * Training and dev sentences, where the dev sentences came from, and every sentence of the
   * training corpus before sampling or carving (its text may still teach word vectors).
   */
  record Split(List<LabeledSentence> train, List<LabeledSentence> dev, String devSource, List<LabeledSentence> all) {}

  private TrainingData() {}

  /**
   * The training sentences (the benchmark sample of them when {@code sample} is given) and the dev
   * sentences: the dev corpus, or {@code devFraction} of the training sentences carved out.
   */
  static Split split(Path train, Double sample, long sampleSeed, Path dev, double devFraction, long seed,
      List<String> mentionTypes, PrintStream out) throws Exception {
    List<LabeledSentence> all = load(train, mentionTypes, out);
    List<LabeledSentence> trainSentences = all;
    if (sample != null) {
      List<LabeledSentence> kept = keep(trainSentences, new SentenceSampler(sample, sampleSeed), true);
      out.printf("sample: %,d of %,d training sentences (fraction %s, seed %d)%n", kept.size(), trainSentences.size(),
          sample, sampleSeed);
      trainSentences = kept;
    }
    if (dev != null) {
      List<LabeledSentence> devSentences = load(dev, mentionTypes, out);
      out.printf("train: %,d sentences, dev: %,d sentences%n", trainSentences.size(), devSentences.size());
      return requireMentions(train, new Split(trainSentences, devSentences, dev.toString(), all), "");
    }
    SentenceSampler carve = new SentenceSampler(devFraction, seed);
    String devSource = "carved from " + train + " (fraction " + devFraction + ", seed " + seed + ")";
    Split split = new Split(keep(trainSentences, carve, false), keep(trainSentences, carve, true), devSource, all);
    out.printf("train: %,d sentences, dev: %,d sentences %s%n", split.train().size(), split.dev().size(), devSource);
    return requireMentions(train, split, " (after --dev-fraction " + devFraction + " of them went to dev; pass --dev"
        + " or more sentences)");
  }

  /** Training needs sentences with mentions: said here with the corpus's name, not by the trainer later. */
  private static Split requireMentions(Path train, Split split, String why) throws CorpusFormatException {
    if (split.train().isEmpty()) {
      throw new CorpusFormatException(train, "", "no training sentences left of " + split.all().size() + why);
    }
    if (split.train().stream().allMatch(sentence -> sentence.spans().isEmpty())) {
      throw new CorpusFormatException(train, "", "the " + split.train().size() + " training sentences hold no"
          + " mentions to learn from (with CAS input, see --mention-type)");
    }
    return split;
  }

  private static List<LabeledSentence> keep(List<LabeledSentence> sentences, SentenceSampler sampler, boolean kept) {
    List<LabeledSentence> result = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      if (sampler.keeps(i) == kept) {
        result.add(sentences.get(i));
      }
    }
    return result;
  }

  static List<LabeledSentence> load(Path path, List<String> mentionTypes, PrintStream out) throws Exception {
    return loadDocuments(path, mentionTypes, out).stream().flatMap(List::stream).toList();
  }

  /** The corpus's sentences, document by document. */
  static List<List<LabeledSentence>> loadDocuments(Path path, List<String> mentionTypes, PrintStream out)
      throws Exception {
    CorpusLoader.Loaded loaded = CorpusLoader.load(path, mentionTypes);
    for (String problem : loaded.problems()) {
      out.println("warning: " + problem);
    }
    ConversionReport report = new ConversionReport();
    List<List<LabeledSentence>> documents = new ArrayList<>();
    for (Document document : loaded.documents()) {
      documents.add(LabeledSentence.of(List.of(document), report));
    }
    report.adjustments().forEach((what, n) -> out.printf("warning: %s: %s (%,d)%n", path, what, n));
    return documents;
  }
}
