package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.corpus.CorpusLoader;
import io.github.ctakesdtn.corpus.CtakesTokenizer;
import io.github.ctakesdtn.corpus.Document;
import io.github.ctakesdtn.corpus.Sentence;
import com.google.gson.JsonObject;
import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.model.NetworkConfig;
import io.github.ctakesdtn.train.Trainer;
import io.github.ctakesdtn.train.TrainingConfig;
import io.github.ctakesdtn.train.TrainingListener;
import io.github.ctakesdtn.model.ModelFile;
import io.github.ctakesdtn.model.Tagger;
import io.github.ctakesdtn.uima.DtnNerAnnotator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.uima.analysis_engine.AnalysisEngine;
import org.apache.uima.analysis_engine.AnalysisEngineDescription;
import org.apache.uima.fit.factory.AnalysisEngineFactory;
import org.apache.uima.jcas.JCas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Measures tagging speed on a tokenized corpus and prints a table: the Tagger API (batched, and one sentence"
            + " at a time), the cTAKES tokenizer pipeline alone, and the same pipeline with DtnNerAnnotator, on one"
            + " thread; the median of several runs after a warm-up; and the peak resident memory.",
        "With --train-corpus, also the training speed of the default network (one epoch) on all"
            + " cores and on one thread.",
        "train prints its own speed too (sentences/s per epoch)."})
final class BenchmarkCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model file.")
  Path model;

  @Option(names = "--corpus", required = true, paramLabel = "PATH", description = "Tokenized corpus (CAS folder or CoNLL file).")
  Path corpus;

  @Option(names = "--runs", paramLabel = "N", description = "Timed runs per figure (default: ${DEFAULT-VALUE}).")
  int runs = 3;

  @Option(names = "--batch-size", paramLabel = "N", description = "Sentences per batch (default: ${DEFAULT-VALUE}).")
  int batchSize = 32;

  @Option(names = "--train-corpus", paramLabel = "PATH",
      description = "Annotated corpus to measure training speed on (one epoch per run).")
  Path trainCorpus;

  @Override
  public Integer call() throws Exception {
    List<Document> documents = CorpusLoader.load(corpus, List.of()).documents();
    List<List<String>> sentences = new ArrayList<>();
    for (Document document : documents) {
      for (Sentence sentence : document.sentences()) {
        sentences.add(LabeledSentence.tokensOf(document, sentence));
      }
    }
    long tokens = sentences.stream().mapToLong(List::size).sum();
    Tagger tagger = new Tagger(ModelFile.load(model));
    double batchedSeconds = median(() -> tagger.tag(sentences, batchSize));
    double singleSeconds = median(() -> tagger.tag(sentences, 1));
    int cores = Runtime.getRuntime().availableProcessors();
    double parallelSeconds = median(() -> tagInParallel(tagger, sentences, cores));

    AnalysisEngineDescription tokenizer = CtakesTokenizer.pipelineDescription();
    AnalysisEngine tokenizeOnly = AnalysisEngineFactory.createEngine(tokenizer);
    AnalysisEngine withTagger = AnalysisEngineFactory.createEngine(AnalysisEngineFactory.createEngineDescription(
        CtakesTokenizer.pipelineDescription(), DtnNerAnnotator.createAnnotatorDescription(model.toString())));
    JCas jcas = tokenizeOnly.newJCas();
    double tokenizerSeconds = median(() -> runPipeline(tokenizeOnly, jcas, documents));
    double pipelineSeconds = median(() -> runPipeline(withTagger, jcas, documents));

    System.out.printf("machine: %d cores, %s; Java %s; one annotating thread%n",
        Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.version"));
    System.out.printf("corpus: %s (%,d documents, %,d sentences, %,d tokens); median of %d runs after a warm-up%n",
        corpus, documents.size(), sentences.size(), tokens, runs);
    System.out.printf("%-52s %12s%n", "what", "tokens/s");
    System.out.printf("%-52s %,12.0f%n", "Tagger API, batches of " + batchSize + " sentences", tokens / batchedSeconds);
    System.out.printf("%-52s %,12.0f%n", "Tagger API, one sentence at a time", tokens / singleSeconds);
    System.out.printf("%-52s %,12.0f%n", "Tagger API, batches of " + batchSize + ", " + cores + " threads",
        tokens / parallelSeconds);
    System.out.printf("%-52s %,12.0f%n", "cTAKES segmenter + sentences + tokenizer", tokens / tokenizerSeconds);
    System.out.printf("%-52s %,12.0f%n", "the same + DtnNerAnnotator", tokens / pipelineSeconds);
    System.out.printf("peak resident memory: %s%n", peakMemory());
    if (trainCorpus != null) {
      List<LabeledSentence> train = TrainingData.load(trainCorpus, List.of(), System.out);
      System.out.printf("training: %s (%,d sentences), one epoch of the default network per run, median of %d runs%n",
          trainCorpus, train.size(), runs);
      System.out.printf("%-52s %12s%n", "what", "sentences/s");
      for (int threads : cores > 1 ? new int[] {cores, 1} : new int[] {1}) {
        double seconds = median(() -> trainOneEpoch(train, threads));
        System.out.printf("%-52s %,12.0f%n", "train, " + threads + " thread" + (threads > 1 ? "s" : ""),
            train.size() / seconds);
      }
    }
    return 0;
  }

  /** Splits the sentences into one share per thread and tags the shares at once. */
  private void tagInParallel(Tagger tagger, List<List<String>> sentences, int threads) {
    int share = (sentences.size() + threads - 1) / threads;
    java.util.stream.IntStream.range(0, threads).parallel().forEach(t -> tagger.tag(
        sentences.subList(Math.min(sentences.size(), t * share), Math.min(sentences.size(), (t + 1) * share)),
        batchSize));
  }

  /** One epoch of the default network; the seconds include one tiny dev evaluation. */
  private static void trainOneEpoch(List<LabeledSentence> train, int threads) {
    TrainingConfig config = TrainingConfig.defaults();
    config = new TrainingConfig(1, 1, config.batchSize(), config.optimizer(), config.learningRate(), config.clipNorm(),
        config.wordDropout(), config.tagScheme(), config.seed(), threads, config.averageDecay(), config.caseAugmentation(),
        config.learningRateDecay());
    NetworkConfig shape = NetworkConfig.defaults(0, 0, 0);
    new Trainer(shape, config, null, TrainingListener.SILENT).train(train, train.subList(0, 1), new JsonObject());
  }

  private interface Work {
    void run() throws Exception;
  }

  private double median(Work work) throws Exception {
    work.run();
    double[] seconds = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      work.run();
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    return seconds[runs / 2];
  }

  private static void runPipeline(AnalysisEngine engine, JCas jcas, List<Document> documents) throws Exception {
    for (Document document : documents) {
      jcas.reset();
      jcas.setDocumentText(document.text());
      engine.process(jcas);
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private static String peakMemory() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown (no /proc)";
    }
  }
}
