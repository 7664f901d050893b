package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.corpus.Document;
import io.github.ctakesdtn.corpus.DocumentCas;
import io.github.ctakesdtn.corpus.Mention;
import io.github.ctakesdtn.corpus.XmiCorpusWriter;
import io.github.ctakesdtn.model.Tagger;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ctakes.typesystem.type.constants.CONST;
import org.apache.uima.UIMAException;

/** Tags documents over their own sentences and tokens, and optionally writes the predictions as XMI. */
final class Predictions {
  private final Tagger tagger;
  private final XmiCorpusWriter writer;
  private final boolean abbreviations;

  /** @param outDir where to write predicted XMI, or null to write nothing */
  Predictions(Tagger tagger, Path outDir) throws UIMAException {
    this(tagger, outDir, true);
  }

  /**
   * @param outDir where to write predicted XMI, or null to write nothing
   * @param abbreviations whether the abbreviations a document defines after a mention are tagged too
   */
  Predictions(Tagger tagger, Path outDir, boolean abbreviations) throws UIMAException {
    this.tagger = tagger;
    this.abbreviations = abbreviations;
    this.writer = outDir == null ? null
        : new XmiCorpusWriter(outDir,
            new DocumentCas(tagger.model().labelTypeMapping(), CONST.NE_DISCOVERY_TECH_EXPLICIT_AE));
  }

  /** The document with its mentions replaced by the tagger's; written out when asked. */
  Document predict(Document gold) throws IOException {
    Map<Mention, Double> confidences = new HashMap<>();
    List<Mention> mentions = new ArrayList<>();
    for (Tagger.ScoredMention scored : tagger.tag(gold, Tagger.DEFAULT_BATCH_SIZE, abbreviations)) {
      mentions.add(scored.mention());
      confidences.put(scored.mention(), scored.confidence());
    }
    Document predicted = gold.withMentions(mentions);
    if (writer != null) {
      writer.write(predicted, m -> confidences.getOrDefault(m, 1.0));
    }
    return predicted;
  }
}
