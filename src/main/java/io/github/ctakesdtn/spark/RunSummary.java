package io.github.ctakesdtn.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.google.gson.GsonBuilder;
import io.github.ctakesdtn.cli.ErrorMessages;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a Spark run did, as {@code annotate} prints it: notes annotated, already done and failed,
 * tokens and speed, mentions by type and label, and the failed notes with their reasons (the
 * first {@value #FAILURES_SHOWN}; the failures table lists them all).
 */
record RunSummary(long annotated, long alreadyDone, long failed, long tokens, double seconds, long replacedCharacters,
    long notesWithReplaced, int ignoredFiles, int underOutput, int staleTemporaries, long mentions,
    Map<String, Long> mentionsByType, List<String[]> failures, String modelSha256) {
  static final int FAILURES_SHOWN = 50;

  static RunSummary of(Dataset<Row> notes, Dataset<Row> mentions, NoteListing listing, double seconds,
      String modelSha256) {
    Map<String, long[]> byStatus = new TreeMap<>();
    for (Row row : notes.groupBy("status").agg(count("*"), sum("tokens"), sum("replaced_characters"),
        sum(when(col("replaced_characters").gt(0), 1).otherwise(0))).collectAsList()) {
      byStatus.put(row.getString(0), new long[] {row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)});
    }
    long[] annotated = byStatus.getOrDefault(NoteTables.ANNOTATED, new long[4]);
    Map<String, Long> byType = new TreeMap<>();
    long total = 0;
    for (Row row : mentions.groupBy("ctakes_type", "label").count().collectAsList()) {
      byType.put(row.getString(0) + " (" + row.getString(1) + ")", row.getLong(2));
      total += row.getLong(2);
    }
    List<String[]> failures = new ArrayList<>();
    for (Row row : notes.filter(col("status").equalTo(NoteTables.FAILED)).select("source", "error")
        .orderBy("source").limit(FAILURES_SHOWN).collectAsList()) {
      failures.add(new String[] {row.getString(0), row.getString(1)});
    }
    return new RunSummary(annotated[0], byStatus.getOrDefault(NoteTables.ALREADY_DONE, new long[4])[0],
        byStatus.getOrDefault(NoteTables.FAILED, new long[4])[0], annotated[1], seconds, annotated[2], annotated[3],
        listing.ignored(), listing.underOutput(), listing.staleTemporaries(), total, byType, failures, modelSha256);
  }

  void print(PrintStream out) {
    out.printf("notes annotated    %,d%n", annotated);
    if (alreadyDone > 0) {
      out.printf("notes already done %,d (their XMI exists; delete it to annotate again; mentions read from it)%n",
          alreadyDone);
    }
    if (ignoredFiles > 0) {
      out.printf("files ignored      %,d (neither .txt notes nor CAS files, e.g. BRAT .ann)%n", ignoredFiles);
    }
    if (underOutput > 0) {
      out.printf("files under --out  %,d (earlier output, not read as notes)%n", underOutput);
    }
    if (staleTemporaries > 0) {
      out.printf("stale temporaries  %,d removed (left by an interrupted run)%n", staleTemporaries);
    }
    if (replacedCharacters > 0) {
      out.printf("characters replaced %,d in %,d notes (XML 1.0 forbids them, e.g. form feeds; now spaces, offsets"
          + " kept)%n", replacedCharacters, notesWithReplaced);
    }
    out.printf("tokens             %,d (%,.0f tokens/s over the annotation stage, pipeline start-up included)%n",
        tokens, seconds > 0 ? tokens / seconds : 0);
    out.printf("mentions           %,d (every note in the mentions table)%n", mentions);
    mentionsByType.forEach((type, n) -> out.printf("  %-40s %,d%n", type, n));
    out.printf("notes failed       %,d%s%n", failed, failed > failures.size() ? " (all in the failures table)" : "");
    for (String[] failure : failures) {
      out.printf("  %s%n", ErrorMessages.withSource(failure[0], failure[1]));
    }
  }

  String json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("notesAnnotated", annotated);
    json.put("notesAlreadyDone", alreadyDone);
    json.put("notesFailed", failed);
    json.put("filesIgnored", ignoredFiles);
    json.put("tokens", tokens);
    json.put("annotationSeconds", seconds);
    json.put("charactersReplaced", replacedCharacters);
    json.put("mentions", mentions);
    json.put("mentionsByType", mentionsByType);
    List<Map<String, String>> failed = new ArrayList<>();
    for (String[] failure : failures) {
      failed.add(Map.of("source", failure[0], "reason", failure[1]));
    }
    json.put("failures", failed);
    json.put("modelSha256", modelSha256);
    return new GsonBuilder().setPrettyPrinting().create().toJson(json);
  }
}
