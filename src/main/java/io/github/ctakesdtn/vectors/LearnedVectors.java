package io.github.ctakesdtn.vectors;

import io.github.ctakesdtn.train.EmbeddingTable;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Word vectors that {@code train} learns by itself when it is given none: word2vec over the text
 * it has (every training sentence, sampled or not, and the source corpus; never their labels)
 * and any unannotated notes, so that the tagger starts from what that text says about each word.
 * Twenty passes, which suit text of a few million tokens or less (measured: see docs/benchmarks.md).
 */
public final class LearnedVectors {
  /** The settings: {@link VectorSettings#defaults()} with 20 passes. */
  public static final VectorSettings SETTINGS = withEpochs(VectorSettings.defaults(), 20);

  private LearnedVectors() {}

  private static VectorSettings withEpochs(VectorSettings s, int epochs) {
    return new VectorSettings(s.dimension(), s.window(), epochs, s.minCount(), s.subsampling(), s.seed(), s.threads());
  }

  /**
   * Learns vectors from tokenized sentences and the notes under {@code notes} (files or folders);
   * returns null when the text holds too few words to learn from.
   *
   * @param workDir where the text and vectors stay while they are learned (they hold the notes' words)
   */
  public static EmbeddingTable learn(List<List<String>> sentences, List<Path> notes, Path workDir, PrintStream out)
      throws Exception {
    Path lines = Files.createTempFile(workDir, ".learned-vectors", ".tokens");
    Path vectors = Files.createTempFile(workDir, ".learned-vectors", ".vec");
    try {
      long tokens;
      long words;
      try (TokenLines text = new TokenLines(lines)) {
        for (List<String> sentence : sentences) {
          text.add(sentence);
        }
        try (UnlabelledNotes reader = new UnlabelledNotes()) {
          for (Path input : notes) {
            for (Path note : UnlabelledNotes.files(input)) {
              text.add(reader.read(note));
            }
          }
        }
        tokens = text.tokens();
        words = text.wordsSeenAtLeast(SETTINGS.minCount());
      }
      if (words < 2) {
        out.printf("word vectors: %,d tokens are too few to learn from; the word embedding starts at random%n", tokens);
        return null;
      }
      long start = System.nanoTime();
      WordVectorTrainer trainer = WordVectorTrainer.train(lines, SETTINGS, epoch -> {});
      trainer.write(vectors);
      out.printf("word vectors: %,d words learned from %,d tokens of text in %.0fs%n", trainer.vocabularySize(), tokens,
          (System.nanoTime() - start) / 1e9);
      return EmbeddingTable.read(vectors, Integer.MAX_VALUE);
    } finally {
      Files.deleteIfExists(lines);
      Files.deleteIfExists(vectors);
    }
  }
}
