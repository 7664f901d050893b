package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.corpus.Document;
import io.github.ctakesdtn.vectors.TokenLines;
import io.github.ctakesdtn.vectors.UnlabelledNotes;
import io.github.ctakesdtn.vectors.VectorSettings;
import io.github.ctakesdtn.vectors.WordVectorTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "vectors",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Trains word vectors (word2vec skip-gram) on unannotated notes, for `train --embeddings`: a tagger trained"
            + " on a few annotated notes then starts from what many unannotated ones say about each word.",
        "Reads plain-text notes (*.txt, tokenized by the cTAKES sentence detector and tokenizer) and CAS files"
            + " (*.xmi, *.xcas, *.bcas, *.bin; their own tokens are kept). Words are keyed as the tagger keys them"
            + " (lower case, digits as 0). A note that cannot be read is reported and skipped, and the command then"
            + " exits 1."})
final class VectorsCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, paramLabel = "PATH",
      description = "A folder of notes (searched recursively) or one note; repeat for several.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Vectors file to write (word2vec text).")
  Path output;

  @Option(names = "--dimension", paramLabel = "N", description = "Values per vector (default: ${DEFAULT-VALUE}).")
  int dimension = VectorSettings.defaults().dimension();

  @Option(names = "--window", paramLabel = "N", description = "Context words on each side (default: ${DEFAULT-VALUE}).")
  int window = VectorSettings.defaults().window();

  @Option(names = "--epochs", paramLabel = "N", description = "Passes over the notes (default: ${DEFAULT-VALUE}).")
  int epochs = VectorSettings.defaults().epochs();

  @Option(names = "--min-count", paramLabel = "N",
      description = "Words seen fewer times get no vector (default: ${DEFAULT-VALUE}).")
  int minCount = VectorSettings.defaults().minCount();

  @Option(names = "--subsampling", paramLabel = "X",
      description = "Skip frequent words at random above this share of the text; 0: never (default: ${DEFAULT-VALUE}).")
  double subsampling = VectorSettings.defaults().subsampling();

  @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = VectorSettings.defaults().seed();

  @Option(names = "--threads", paramLabel = "N",
      description = "Training threads; only 1 gives the same vectors on every run (default: ${DEFAULT-VALUE}).")
  int threads = VectorSettings.defaults().threads();

  @Override
  public Integer call() throws Exception {
    NativeMemory.bound();
    VectorSettings settings = new VectorSettings(dimension, window, epochs, minCount, subsampling, seed, threads);
    List<Path> notes = UnlabelledNotes.files(inputs, "--in");
    if (notes.isEmpty()) {
      throw new IllegalArgumentException("no notes (*.txt or CAS files) under " + inputs);
    }
    long start = System.nanoTime();
    // The notes' words, beside the output rather than in a shared temporary folder: they are patient text.
    Path outputDir = Files.createDirectories(output.toAbsolutePath().getParent());
    Path lines = Files.createTempFile(outputDir, "." + output.getFileName(), ".tokens");
    try {
      List<String> skipped = new ArrayList<>();
      TokenLines tokens = tokenize(notes, lines, skipped);
      System.out.printf("read %,d notes (%,d skipped): %,d sentences, %,d tokens%n", notes.size() - skipped.size(),
          skipped.size(), tokens.sentences(), tokens.tokens());
      skipped.forEach(System.out::println);
      if (tokens.tokens() == 0) {
        throw new IllegalArgumentException("the notes hold no tokens to learn vectors from");
      }
      long trainingStart = System.nanoTime();
      WordVectorTrainer vectors = WordVectorTrainer.train(lines, settings, epoch -> {
        long left = secondsSince(trainingStart) * (epochs - epoch) / epoch;
        System.out.printf("epoch %d/%d  elapsed %s  about %s left%n", epoch, epochs,
            ConsoleTrainingListener.duration(secondsSince(start)), ConsoleTrainingListener.duration(left));
      });
      vectors.write(output);
      System.out.printf("%,d words x %d values written to %s (%s)%n", vectors.vocabularySize(), dimension, output,
          ConsoleTrainingListener.duration(secondsSince(start)));
      return skipped.isEmpty() ? 0 : 1;
    } finally {
      Files.deleteIfExists(lines);
    }
  }

  private static TokenLines tokenize(List<Path> notes, Path lines, List<String> skipped) throws Exception {
    try (UnlabelledNotes reader = new UnlabelledNotes();
        TokenLines tokens = new TokenLines(lines);
        ProgressBar bar = progressBar(notes.size())) {
      for (Path note : notes) {
        try {
          Document document = reader.read(note);
          tokens.add(document);
        } catch (Exception e) {
          skipped.add("skipped " + ErrorMessages.withSource(note.toString(), ErrorMessages.rootMessage(e)));
        }
        if (bar != null) {
          bar.step();
        }
      }
      return tokens;
    }
  }

  private static long secondsSince(long startNanos) {
    return Math.round((System.nanoTime() - startNanos) / 1e9);
  }

  private static ProgressBar progressBar(int total) {
    return Progress.start("reading", total, " notes", System.out);
  }
}
