package io.github.ctakesdtn.spark;

import static org.apache.spark.sql.types.DataTypes.FloatType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import io.github.ctakesdtn.corpus.MentionLabels;
import java.util.ArrayList;
import java.util.List;
import org.apache.ctakes.typesystem.type.constants.CONST;
import org.apache.ctakes.typesystem.type.syntax.BaseToken;
import org.apache.ctakes.typesystem.type.syntax.NewlineToken;
import org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.uima.fit.util.JCasUtil;
import org.apache.uima.jcas.JCas;

/**
 * The job's tables. Executors emit one row per note (its status and its mentions, nested); the
 * driver writes those once, then derives from them the mentions table (one row per mention), the
 * failures table and the run summary, so no note is annotated twice to make three outputs.
 */
final class NoteTables {
  static final String ANNOTATED = "annotated";
  static final String ALREADY_DONE = "already_done";
  static final String FAILED = "failed";

  /** A mention as the tagger wrote it into the CAS. */
  static final StructType MENTION = createStructType(List.of(
      createStructField("begin", IntegerType, false),
      createStructField("end", IntegerType, false),
      createStructField("covered_text", StringType, false),
      createStructField("ctakes_type", StringType, false),
      createStructField("label", StringType, false),
      createStructField("confidence", FloatType, false)));

  /** One note: what happened to it, its tokens and its mentions. */
  static final StructType NOTE = createStructType(List.of(
      createStructField("note_id", StringType, false),
      createStructField("source", StringType, false),
      createStructField("status", StringType, false),
      createStructField("tokens", LongType, false),
      createStructField("replaced_characters", IntegerType, false),
      createStructField("error", StringType, true),
      createStructField("mentions", createArrayType(MENTION, false), false)));

  private NoteTables() {}

  /** The note's row, from its annotated (or read back) CAS. */
  static Row noteRow(NoteTask note, String status, JCas jcas, int replacedCharacters) {
    long tokens = 0;
    for (BaseToken token : JCasUtil.select(jcas, BaseToken.class)) {
      tokens += token instanceof NewlineToken ? 0 : 1;
    }
    List<Row> mentions = new ArrayList<>();
    for (IdentifiedAnnotation mention : JCasUtil.select(jcas, IdentifiedAnnotation.class)) {
      // The tagger's own mentions, as annotate's summary and exports select them: gold or other
      // annotators' mentions in an input CAS are not this model's predictions.
      if (mention.getDiscoveryTechnique() == CONST.NE_DISCOVERY_TECH_EXPLICIT_AE) {
        mentions.add(RowFactory.create(mention.getBegin(), mention.getEnd(), mention.getCoveredText(),
            mention.getType().getShortName(), MentionLabels.labelOf(mention), mention.getConfidence()));
      }
    }
    return RowFactory.create(note.documentId(), note.source(), status, tokens, replacedCharacters, null,
        scalaSeq(mentions));
  }

  /**
   * Spark's row encoder takes an array column only as a Scala {@code Seq}. JavaConverters exists
   * with this signature in Scala 2.12 and 2.13, so the jar runs on either build of Spark.
   */
  @SuppressWarnings("deprecation")
  private static Object scalaSeq(List<Row> rows) {
    return scala.collection.JavaConverters.asScalaBuffer(rows);
  }

  static Row failedRow(NoteTask note, String reason) {
    return RowFactory.create(note.documentId(), note.source(), FAILED, 0L, 0, reason, scalaSeq(List.of()));
  }
}
