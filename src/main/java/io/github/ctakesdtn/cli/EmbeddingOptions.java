package io.github.ctakesdtn.cli;

import com.google.gson.JsonObject;
import io.github.ctakesdtn.train.CorpusFingerprint;
import io.github.ctakesdtn.train.EmbeddingTable;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Pre-trained word vectors, an option of train and search. */
final class EmbeddingOptions {
  @Option(names = "--embeddings", paramLabel = "FILE",
      description = "Pre-trained word vectors (e.g. from the vectors command): word2vec/GloVe text, or word2vec"
          + " binary (.bin); the word embedding takes their size.")
  Path embeddings;

  @Option(names = "--max-embedding-words", paramLabel = "N",
      description = "Words taken from the embeddings file, most frequent first (default: ${DEFAULT-VALUE}).")
  int maxEmbeddingWords = 100_000;

  /** The vectors, or null without --embeddings. */
  EmbeddingTable table() throws IOException {
    return embeddings == null ? null : EmbeddingTable.read(embeddings, maxEmbeddingWords);
  }

  /** Records which vectors file was used, and its fingerprint, in a model's provenance data. */
  void record(JsonObject data) throws IOException {
    if (embeddings != null) {
      data.add("embeddings", CorpusFingerprint.ofFile(embeddings));
    }
  }
}
