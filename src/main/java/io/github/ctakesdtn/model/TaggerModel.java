package io.github.ctakesdtn.model;

import com.google.gson.JsonObject;
import io.github.ctakesdtn.corpus.LabelTypeMapping;
import java.util.List;

/**
 * Everything a trained tagger is: the network and its shape, the vocabularies, the tag set, the
 * CRF, and the provenance (how it was made). The model file stores exactly this. A transfer model
 * ({@code transfer} not null) has a two-task network whose target task {@code tags} and
 * {@code crf} belong to; its shape's tag count is the target's.
 */
public record TaggerModel(
    NetworkConfig config,
    TagSet tags,
    Vocabulary words,
    Vocabulary chars,
    Network network,
    LinearChainCrf crf,
    List<String> labelTypes,
    JsonObject provenance,
    TransferSpec transfer) {

  /**
   * @param labelTypes {@code LABEL=Type} entries telling the annotator which cTAKES type each label
   *     becomes, over {@link io.github.ctakesdtn.corpus.LabelTypeMapping}'s defaults
   */
  public TaggerModel {
    labelTypes = List.copyOf(labelTypes);
  }

  /** A single-task model. */
  public TaggerModel(NetworkConfig config, TagSet tags, Vocabulary words, Vocabulary chars, Network network,
      LinearChainCrf crf, List<String> labelTypes, JsonObject provenance) {
    this(config, tags, words, chars, network, crf, labelTypes, provenance, null);
  }

  public TaggerModel withLabelTypes(List<String> entries) {
    return new TaggerModel(config, tags, words, chars, network, crf, entries, provenance, transfer);
  }

  public LabelTypeMapping labelTypeMapping() {
    return LabelTypeMapping.withOverrides(labelTypes);
  }

  /** The network a model of this configuration has, its parameters freshly drawn. */
  public static Network network(NetworkConfig config, TagSet tags, Vocabulary chars, TransferSpec transfer,
      double gateBias) {
    if (transfer == null) {
      return new Network(config, config.tagCount(), Routing.singleTask(), chars, gateBias);
    }
    TagSet sourceTags = new TagSet(tags.scheme(), transfer.sourceLabels());
    boolean sameLabels = sourceTags.labels().equals(tags.labels());
    SharingScheme scheme = SharingScheme.named(transfer.graphScheme(), sameLabels);
    NetworkConfig sourceShape = config.withSizes(config.wordVocabularySize(), config.charVocabularySize(),
        sourceTags.size());
    return new Network(sourceShape, tags.size(), Routing.of(scheme, sameLabels), chars, gateBias);
  }
}
