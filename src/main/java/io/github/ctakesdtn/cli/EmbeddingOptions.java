package io.github.ctakesdtn.cli;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.train.CorpusFingerprint;
import io.github.ctakesdtn.train.Checkpoints;
import io.github.ctakesdtn.train.EmbeddingTable;
import io.github.ctakesdtn.train.TrainingState;
import io.github.ctakesdtn.vectors.LearnedVectors;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the word embedding starts, an option of train and search: pre-trained vectors from a file,
 * or (by default) vectors learned on the spot from the text the command is given.
 */
final class EmbeddingOptions {
  @Option(names = "--embeddings", paramLabel = "FILE",
      description = "Pre-trained word vectors (e.g. from the vectors command): word2vec/GloVe text, or word2vec"
          + " binary (.bin); the word embedding takes their size. Without it, vectors are learned from the training"
          + " text (all of it, also when sampled), the source corpus and any --unlabelled notes.")
  Path embeddings;

  @Option(names = "--unlabelled", paramLabel = "PATH",
      description = "Unannotated notes (a folder or a file; repeatable). From a trained start (the default), the first"
          + " model tags them and a second one trains on its mentions too (self-training); with a fresh network, the"
          + " learned vectors read their text; with --char-lm, the character language models read it too. Refused where"
          + " nothing reads them.")
  List<Path> unlabelled = new ArrayList<>();

  @Option(names = "--no-learned-vectors",
      description = "Without --embeddings, start the word embedding at random instead of learning vectors.")
  boolean noLearnedVectors;

  @Option(names = "--max-embedding-words", paramLabel = "N",
      description = "Words taken from the embeddings file, most frequent first (default: ${DEFAULT-VALUE}).")
  int maxEmbeddingWords = 100_000;

  /** Where learned vectors and their record are kept in a checkpoint. */
  private static final String LEARNED = "learnedVectors";

  private JsonObject learned;

  /**
   * The vectors: read from --embeddings, or learned from {@code text} (sentences of the corpora the
   * command trains on, labels unused) and the --unlabelled notes; null for a random start.
   *
   * @param workDir where the learned vectors' text stays while they are learned
   */
  EmbeddingTable table(List<List<LabeledSentence>> text, Path workDir, PrintStream out) throws Exception {
    if (embeddings != null) {
      return EmbeddingTable.read(embeddings, maxEmbeddingWords);
    }
    if (noLearnedVectors) {
      return null;
    }
    for (Path path : unlabelled) {
      if (!Files.exists(path)) {
        throw new IllegalArgumentException(path + ": no such file or folder (--unlabelled)");
      }
    }
    NativeMemory.bound();
    List<List<String>> sentences = new ArrayList<>();
    text.forEach(corpus -> corpus.forEach(sentence -> sentences.add(sentence.tokens())));
    EmbeddingTable table = LearnedVectors.learn(sentences, unlabelled, workDir, out);
    learned = new JsonObject();
    learned.add("settings", new Gson().toJsonTree(LearnedVectors.SETTINGS));
    learned.addProperty("sentences", sentences.size());
    JsonArray notes = new JsonArray();
    unlabelled.forEach(path -> notes.add(path.toString()));
    learned.add("unlabelled", notes);
    learned.addProperty("words", table == null ? 0 : table.words().size());
    return table;
  }

  /**
   * The vectors, as {@link #table(List, Path, PrintStream)} makes them; learned vectors are kept in
   * every checkpoint, and a resumed run takes them from its checkpoint instead of learning them again.
   */
  EmbeddingTable table(List<List<LabeledSentence>> text, Path workDir, PrintStream out, Checkpoints checkpoints)
      throws Exception {
    boolean learns = embeddings == null && !noLearnedVectors;
    TrainingState resumed = checkpoints.resumed();
    EmbeddingTable table;
    if (learns && resumed != null) {
      learned = resumed.getObject(LEARNED);
      table = EmbeddingTable.restoreFrom(resumed, LEARNED);
      out.printf("word vectors: %,d words, as the interrupted run learned them%n",
          table == null ? 0 : table.words().size());
    } else {
      table = table(text, workDir, out);
    }
    if (learns) {
      checkpoints.runState().values().add(LEARNED, learned);
      if (table != null) {
        table.saveTo(checkpoints.runState(), LEARNED);
      }
    }
    return table;
  }

  /** What decides the vectors, for a checkpoint's recipe: the file's fingerprint, or how they are learned. */
  JsonObject recipe() throws IOException {
    JsonObject recipe = new JsonObject();
    if (embeddings != null) {
      recipe.add("file", CorpusFingerprint.ofFile(embeddings));
      recipe.addProperty("maxWords", maxEmbeddingWords);
    } else if (!noLearnedVectors) {
      recipe.add("learned", new Gson().toJsonTree(LearnedVectors.SETTINGS));
      JsonArray notes = new JsonArray();
      unlabelled.forEach(path -> notes.add(path.toString()));
      recipe.add("unlabelled", notes);
    }
    return recipe;
  }

  /** Records which vectors were used (file and fingerprint, or how they were learned) in a model's provenance. */
  void record(JsonObject data) throws IOException {
    if (embeddings != null) {
      data.add("embeddings", CorpusFingerprint.ofFile(embeddings));
    } else if (learned != null) {
      data.add("learnedVectors", learned);
    }
  }
}
