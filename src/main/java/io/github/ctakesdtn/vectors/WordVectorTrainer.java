package io.github.ctakesdtn.vectors;

import io.github.ctakesdtn.corpus.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import org.deeplearning4j.models.sequencevectors.SequenceVectors;
import org.deeplearning4j.models.sequencevectors.enums.ListenerEvent;
import org.deeplearning4j.models.sequencevectors.interfaces.VectorsListener;
import org.deeplearning4j.models.word2vec.VocabWord;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.deeplearning4j.text.sentenceiterator.BasicLineIterator;
import org.deeplearning4j.text.tokenization.tokenizerfactory.DefaultTokenizerFactory;

/**
 * Trains word vectors with DL4J's word2vec (skip-gram, negative sampling) on {@link TokenLines}
 * and writes them in word2vec's text format, most frequent word first, which {@code train
 * --embeddings} reads.
 */
public final class WordVectorTrainer {
  /** word2vec's usual settings: 5 negative samples, a linearly decaying learning rate. */
  private static final int NEGATIVE_SAMPLES = 5;
  private static final double LEARNING_RATE = 0.025;
  private static final double MIN_LEARNING_RATE = 1e-4;

  private final Word2Vec word2vec;

  private WordVectorTrainer(Word2Vec word2vec) {
    this.word2vec = word2vec;
  }

  /**
   * @param epochDone called with the number of epochs done after each pass over the text
   */
  public static WordVectorTrainer train(Path tokenLines, VectorSettings settings, IntConsumer epochDone)
      throws IOException {
    Word2Vec word2vec = new Word2Vec.Builder()
        .layerSize(settings.dimension())
        .windowSize(settings.window())
        .epochs(settings.epochs())
        .iterations(1)
        .minWordFrequency(settings.minCount())
        .seed(settings.seed())
        .workers(settings.threads())
        .negativeSample(NEGATIVE_SAMPLES)
        .useHierarchicSoftmax(false)
        .sampling(settings.subsampling())
        .learningRate(LEARNING_RATE)
        .minLearningRate(MIN_LEARNING_RATE)
        .setVectorsListeners(List.of(new EpochListener(epochDone)))
        .iterate(new BasicLineIterator(tokenLines.toFile()))
        .tokenizerFactory(new DefaultTokenizerFactory()) // the lines are already keys separated by spaces
        .build();
    word2vec.fit();
    return new WordVectorTrainer(word2vec);
  }

  public int vocabularySize() {
    return word2vec.getVocab().numWords();
  }

  public double[] vector(String word) {
    return word2vec.getWordVector(word);
  }

  /** Writes "COUNT DIM", then "word v1 ... vD" per word, most frequent first; atomically. */
  public void write(Path file) throws IOException {
    List<VocabWord> words = word2vec.getVocab().vocabWords().stream()
        .sorted(Comparator.comparingDouble(VocabWord::getElementFrequency).reversed()
            .thenComparing(VocabWord::getLabel))
        .toList();
    int dimension = word2vec.getLayerSize();
    AtomicFiles.write(file, out -> {
      BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      writer.write(words.size() + " " + dimension);
      writer.newLine();
      StringBuilder line = new StringBuilder();
      for (VocabWord word : words) {
        line.setLength(0);
        line.append(word.getLabel());
        for (double value : word2vec.getWordVector(word.getLabel())) {
          line.append(' ').append((float) value);
        }
        writer.write(line.toString());
        writer.newLine();
      }
      writer.flush();
    });
  }

  private record EpochListener(IntConsumer epochDone) implements VectorsListener<VocabWord> {
    @Override
    public boolean validateEvent(ListenerEvent event, long argument) {
      return event == ListenerEvent.EPOCH;
    }

    @Override
    public void processEvent(ListenerEvent event, SequenceVectors<VocabWord> vectors, long argument) {
      epochDone.accept((int) argument); // DL4J counts epochs from 1 here
    }
  }
}
