package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.corpus.ConversionReport;
import io.github.ctakesdtn.corpus.MentionLabels;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.ctakes.typesystem.type.constants.CONST;
import org.apache.ctakes.typesystem.type.syntax.BaseToken;
import org.apache.ctakes.typesystem.type.syntax.NewlineToken;
import org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation;
import org.apache.uima.fit.util.JCasUtil;
import org.apache.uima.jcas.JCas;

/** What an annotate run did, counted from several threads: notes, tokens, mentions by type, failures. */
final class AnnotationSummary {
  private int documents;
  private int alreadyDone;
  private long startNanos;
  private long tokens;
  private int replacedCharacters;
  private int notesWithReplaced;
  private final Map<String, Integer> mentions = new TreeMap<>();
  private final ConversionReport failures = new ConversionReport();

  synchronized void annotated(JCas jcas) {
    documents++;
    for (BaseToken token : JCasUtil.select(jcas, BaseToken.class)) {
      tokens += token instanceof NewlineToken ? 0 : 1;
    }
    for (IdentifiedAnnotation mention : JCasUtil.select(jcas, IdentifiedAnnotation.class)) {
      if (mention.getDiscoveryTechnique() == CONST.NE_DISCOVERY_TECH_EXPLICIT_AE) {
        mentions.merge(mention.getType().getShortName() + " (" + MentionLabels.labelOf(mention) + ")", 1, Integer::sum);
      }
    }
  }

  /** A worker is ready (its pipeline built): the clock for tokens/s starts with the first. */
  synchronized void started() {
    if (startNanos == 0) {
      startNanos = System.nanoTime();
    }
  }

  /** A note held {@code n} characters XML 1.0 forbids, now spaces. */
  synchronized void replaced(int n) {
    if (n > 0) {
      replacedCharacters += n;
      notesWithReplaced++;
    }
  }

  synchronized boolean written() {
    return documents > 0;
  }

  synchronized void alreadyDone() {
    alreadyDone++;
  }

  void failed(String note, String message) {
    failures.failed(note, message);
  }

  List<ConversionReport.Failure> failures() {
    return failures.failures();
  }

  synchronized void print(PrintStream out, int ignoredFiles) {
    double seconds = startNanos == 0 ? 0 : (System.nanoTime() - startNanos) / 1e9;
    out.printf("notes annotated    %,d%n", documents);
    if (alreadyDone > 0) {
      out.printf("notes already done %,d (their XMI exists; delete it to annotate again)%n", alreadyDone);
    }
    if (ignoredFiles > 0) {
      out.printf("files ignored      %,d (neither .txt notes nor CAS files, e.g. BRAT .ann)%n", ignoredFiles);
    }
    if (replacedCharacters > 0) {
      out.printf("characters replaced %,d in %,d notes (XML 1.0 forbids them, e.g. form feeds; now spaces, offsets"
          + " kept)%n", replacedCharacters, notesWithReplaced);
    }
    out.printf("tokens             %,d (%,.0f tokens/s, pipeline start-up not counted)%n", tokens,
        seconds > 0 ? tokens / seconds : 0);
    out.printf("mentions           %,d%n", mentions.values().stream().mapToInt(Integer::intValue).sum());
    mentions.forEach((type, n) -> out.printf("  %-40s %,d%n", type, n));
    out.printf("notes failed       %,d%n", failures().size());
    for (ConversionReport.Failure failure : failures()) {
      out.printf("  %s%n", ErrorMessages.withSource(failure.source(), failure.message()));
    }
  }
}
