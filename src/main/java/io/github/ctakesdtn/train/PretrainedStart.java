package io.github.ctakesdtn.train;

import io.github.ctakesdtn.corpus.LabelTypeMapping;
import io.github.ctakesdtn.corpus.Tag;
import io.github.ctakesdtn.model.LinearChainCrf;
import io.github.ctakesdtn.model.Network;
import io.github.ctakesdtn.model.NetworkConfig;
import io.github.ctakesdtn.model.Routing;
import io.github.ctakesdtn.model.TagSet;
import io.github.ctakesdtn.model.TaggerModel;
import io.github.ctakesdtn.model.Task;
import io.github.ctakesdtn.model.Vocabulary;
import io.github.ctakesdtn.nn.Params;
import io.github.ctakesdtn.nn.Tensor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Starts a new tagger from a trained single-task one (fine-tuning): each tensor of the new network
 * takes the trained model's values, the word and character embeddings row by row (matched by word
 * and by character), the emission layer column by column (matched by tag), every other tensor
 * whole; the CRF takes the trained scores between the tags both tag sets have. What the trained
 * model never saw (words, characters, the tags of new labels) keeps its fresh initialisation.
 * The new network must have the trained one's layer sizes ({@link #shapeFor}).
 */
public final class PretrainedStart {
  /** How much of the trained model the new one took. */
  public record Copied(int words, int chars, int tags) {
    public String describe(Vocabulary newWords, Vocabulary newChars, TagSet newTags) {
      return String.format("%,d of %,d words (with their vectors), %d of %d characters, %d of %d tags", words,
          newWords.size() - 2, chars, newChars.size() - 2, tags, newTags.size());
    }
  }

  private final TaggerModel from;
  private final LabelTypeMapping newTypes;

  /** @param newTypes the cTAKES types the new labels become, to match them with the trained model's labels */
  public PretrainedStart(TaggerModel from, LabelTypeMapping newTypes) {
    if (from.transfer() != null) {
      throw new IllegalArgumentException("a model to start from must be a single-task model (trained without"
          + " --source); this one is a " + from.transfer().trainedAs() + " transfer model");
    }
    this.from = from;
    this.newTypes = newTypes;
  }

  public TaggerModel model() {
    return from;
  }

  /**
   * The trained model's layer sizes (the data's vocabulary and tag counts are set later), with this
   * dropout, and character language models of size {@code contextHidden} if it is not 0 (else the
   * trained model's, if any).
   */
  public NetworkConfig shapeFor(double dropout, int contextHidden) {
    NetworkConfig c = from.config();
    int context = contextHidden > 0 ? contextHidden : c.contextHidden();
    return new NetworkConfig(c.charEncoder(), c.charEmbedding(), c.charHidden(), c.cnnWidth(), c.wordEmbedding(),
        c.wordHidden(), dropout, c.maxWordLength(), 0, 0, 0, c.shapeEmbedding(), context);
  }

  /** The trained model's words, which join the new vocabulary so that their embeddings carry over. */
  public List<String> words() {
    return known(from.words());
  }

  /** The trained model's characters, likewise. */
  public List<String> chars() {
    return known(from.chars());
  }

  private static List<String> known(Vocabulary vocabulary) {
    return vocabulary.symbols().subList(2, vocabulary.size());
  }

  /** Copies the trained values into a freshly initialised single-task network and its CRF. */
  public Copied copyInto(Network network, Vocabulary words, Vocabulary chars, LinearChainCrf crf) {
    return copyInto(network, words, chars, crf, crf);
  }

  /**
   * Copies the trained values into a freshly initialised network, single-task or transfer, and its
   * CRFs: every copy of a group ({@code shared}, {@code source}, {@code target}) takes the trained
   * model's one copy; the source task's emission layers and CRF are matched with the source's tags,
   * the target's with the target's. DTN's gates keep their fresh start.
   */
  public Copied copyInto(Network network, Vocabulary words, Vocabulary chars, LinearChainCrf sourceCrf,
      LinearChainCrf targetCrf) {
    Params donor = from.network().params();
    Params params = network.params();
    IntUnaryOperator wordRow = rowMap(words, from.words());
    IntUnaryOperator charRow = rowMap(chars, from.chars());
    int[] targetTagOf = tagMap(targetCrf.tags());
    int[] sourceTagOf = tagMap(sourceCrf.tags());
    Map<String, Tensor> trainedTensors = new HashMap<>();
    donor.tensors().forEach(t -> trainedTensors.put(t.name(), t));
    for (Tensor tensor : params.tensors()) {
      Tensor old = trainedTensors.get(trainedName(tensor));
      if (old == null) {
        continue; // nothing trained to take: a gate, or a layer the trained model does not have
      }
      Match match = Match.of(tensor);
      requireSameShapeBut(tensor, old, match.matchedDimension(tensor));
      float[] values = params.values(tensor);
      float[] trained = donor.values(old);
      int last = tensor.shape()[tensor.shape().length - 1];
      int[] tagOf = tensor.layer().startsWith(Task.TARGET.copy() + ".") ? targetTagOf : sourceTagOf;
      switch (match) {
        case WORD_ROWS -> copyRows(trained, values, last, wordRow);
        case CHAR_ROWS -> copyRows(trained, values, last, charRow);
        case TAG_COLUMNS -> copyColumns(trained, old.shape()[old.shape().length - 1], values, last, tagOf);
        case INPUT_ROWS -> copyInputRows(trained, values);
        case WHOLE -> System.arraycopy(trained, 0, values, 0, values.length);
      }
      params.setValues(tensor, values);
    }
    network.refresh();
    copyCrf(from.crf(), targetCrf, targetTagOf);
    if (sourceCrf != targetCrf) {
      copyCrf(from.crf(), sourceCrf, sourceTagOf);
    }
    return new Copied(count(words, from.words()), count(chars, from.chars()),
        (int) Arrays.stream(targetTagOf).filter(t -> t >= 0).count());
  }

  /** How a tensor's values are matched with the trained ones. */
  private enum Match {
    /** The word embedding: a row per word. */
    WORD_ROWS,
    /** A character embedding: a row per character. */
    CHAR_ROWS,
    /** An emission layer: a column (its last dimension) per tag. */
    TAG_COLUMNS,
    /**
     * A word LSTM's input weights: a row per input; a network with contextual embeddings where the
     * trained one had none has more inputs, whose rows start at zero.
     */
    INPUT_ROWS,
    /** Every other tensor: the same shape, taken whole. */
    WHOLE;

    static Match of(Tensor tensor) {
      if (tensor.name().equals("wordEmbedding.W")) {
        return WORD_ROWS;
      }
      if (tensor.layer().endsWith(".chars.embedding")) {
        return CHAR_ROWS;
      }
      if (tensor.key().equals("W") && (tensor.layer().endsWith(".words.forward")
          || tensor.layer().endsWith(".words.backward"))) {
        return INPUT_ROWS;
      }
      return tensor.layer().endsWith(".emissions") ? TAG_COLUMNS : WHOLE;
    }

    /** The dimension matched symbol by symbol, whose size may differ; -1 for none. */
    int matchedDimension(Tensor tensor) {
      return switch (this) {
        case WORD_ROWS, CHAR_ROWS, INPUT_ROWS -> 0;
        case TAG_COLUMNS -> tensor.shape().length - 1;
        case WHOLE -> -1;
      };
    }
  }

  /** The two tensors' shapes must agree but in dimension {@code free} (the one matched by symbol; -1: none). */
  private static void requireSameShapeBut(Tensor now, Tensor before, int free) {
    int[] a = now.shape().clone();
    int[] b = before.shape().clone();
    if (free >= 0 && a.length == b.length) {
      a[free] = 0;
      b[free] = 0;
    }
    if (!Arrays.equals(a, b)) {
      throw new IllegalArgumentException("tensor " + now.name() + " has shape " + Arrays.toString(now.shape())
          + " here and " + Arrays.toString(before.shape()) + " in the model to start from: the new network must"
          + " have its layer sizes (and word vectors of its size)");
    }
  }

  /**
   * The name of the trained tensor a new one takes its values from: the same name, or for a copy of
   * a group in a transfer network ({@code shared.words.forward}, {@code source.chars.cnn}) the
   * trained model's own copy of it ({@code target.words.forward}).
   */
  private static String trainedName(Tensor tensor) {
    String name = tensor.name();
    for (String copy : List.of(Routing.SHARED_COPY, Task.SOURCE.copy())) {
      if (name.startsWith(copy + ".")) {
        return Task.TARGET.copy() + name.substring(copy.length());
      }
    }
    return name;
  }

  /** The donor's row of each new row's symbol, -1 where the donor has none; padding and unknown map to themselves. */
  private static IntUnaryOperator rowMap(Vocabulary now, Vocabulary before) {
    return row -> row < 2 ? row : before.contains(now.symbol(row)) ? before.index(now.symbol(row)) : -1;
  }

  private static int count(Vocabulary now, Vocabulary before) {
    int n = 0;
    for (int row = 2; row < now.size(); row++) {
      n += before.contains(now.symbol(row)) ? 1 : 0;
    }
    return n;
  }

  /**
   * The donor's index of each new tag, -1 for a tag it lacks: a label the donor has by name, or else
   * the one donor label that becomes the same cTAKES type (the bundled model's
   * DiseaseDisorderMention for a corpus's Disease).
   */
  private int[] tagMap(TagSet now) {
    TagSet before = from.tags();
    int[] map = new int[now.size()];
    for (int i = 0; i < now.size(); i++) {
      Tag tag = now.tag(i);
      String label = tag.equals(Tag.OUTSIDE) ? null : donorLabel(tag.label());
      Tag old = label == null ? tag : new Tag(tag.prefix(), label);
      map[i] = tag.equals(Tag.OUTSIDE) || label != null && before.labels().contains(label) ? before.index(old) : -1;
    }
    return map;
  }

  private String donorLabel(String label) {
    if (from.tags().labels().contains(label)) {
      return label;
    }
    String type = newTypes.typeFor(label).typeName();
    if (type.equals(LabelTypeMapping.IDENTIFIED.typeName())) {
      return null;
    }
    LabelTypeMapping donorTypes = from.labelTypeMapping();
    List<String> same = from.tags().labels().stream().filter(l -> donorTypes.typeFor(l).typeName().equals(type))
        .toList();
    return same.size() == 1 ? same.get(0) : null;
  }

  /** The trained rows first; the rows of inputs the trained network lacked start at zero. */
  private static void copyInputRows(float[] from, float[] to) {
    if (from.length > to.length) {
      throw new IllegalArgumentException("the model to start from reads contextual embeddings; train with them too");
    }
    System.arraycopy(from, 0, to, 0, from.length);
    Arrays.fill(to, from.length, to.length, 0f);
  }

  private static void copyRows(float[] from, float[] to, int columns, IntUnaryOperator rowOf) {
    for (int row = 0; row < to.length / columns; row++) {
      int old = rowOf.applyAsInt(row);
      if (old >= 0) {
        System.arraycopy(from, old * columns, to, row * columns, columns);
      }
    }
  }

  /** Row-major [rows][columns] tensors whose last dimension is the tags. */
  private static void copyColumns(float[] from, int fromColumns, float[] to, int toColumns, int[] columnOf) {
    int rows = to.length / toColumns;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < toColumns; c++) {
        if (columnOf[c] >= 0) {
          to[r * toColumns + c] = from[r * fromColumns + columnOf[c]];
        }
      }
    }
  }

  private static void copyCrf(LinearChainCrf from, LinearChainCrf to, int[] tagOf) {
    for (int i = 0; i < tagOf.length; i++) {
      if (tagOf[i] < 0) {
        continue;
      }
      to.start()[i] = from.start()[tagOf[i]];
      to.end()[i] = from.end()[tagOf[i]];
      for (int j = 0; j < tagOf.length; j++) {
        if (tagOf[j] >= 0) {
          to.transitions()[i][j] = from.transitions()[tagOf[i]][tagOf[j]];
        }
      }
    }
  }
}
