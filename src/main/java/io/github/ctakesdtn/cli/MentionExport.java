package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.corpus.AtomicFiles;
import io.github.ctakesdtn.corpus.MentionLabels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.ctakes.typesystem.type.constants.CONST;
import org.apache.ctakes.typesystem.type.syntax.BaseToken;
import org.apache.ctakes.typesystem.type.syntax.NewlineToken;
import org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation;
import org.apache.ctakes.typesystem.type.textspan.Sentence;
import org.apache.uima.fit.util.JCasUtil;
import org.apache.uima.jcas.JCas;

/** The tagger's mentions of an annotated CAS in BRAT standoff or CoNLL (IOB2), beside the XMI. */
final class MentionExport {
  enum Format { brat, conll }

  private MentionExport() {}

  /** Writes {@code base.txt + base.ann} (brat) or {@code base.conll}. */
  static void write(JCas jcas, Format format, Path base) throws IOException {
    List<IdentifiedAnnotation> mentions = JCasUtil.select(jcas, IdentifiedAnnotation.class).stream()
        .filter(m -> m.getDiscoveryTechnique() == CONST.NE_DISCOVERY_TECH_EXPLICIT_AE).toList();
    StringBuilder out = new StringBuilder();
    if (format == Format.brat) {
      int n = 0;
      for (IdentifiedAnnotation m : mentions) {
        out.append('T').append(++n).append('\t').append(MentionLabels.labelOf(m)).append(' ').append(m.getBegin())
            .append(' ').append(m.getEnd()).append('\t').append(m.getCoveredText().replace('\n', ' ')).append('\n');
      }
      String text = jcas.getDocumentText();
      AtomicFiles.write(sibling(base, ".txt"), o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
      AtomicFiles.write(sibling(base, ".ann"), o -> o.write(out.toString().getBytes(StandardCharsets.UTF_8)));
      return;
    }
    for (Sentence sentence : JCasUtil.select(jcas, Sentence.class)) {
      boolean any = false;
      for (BaseToken token : JCasUtil.selectCovered(BaseToken.class, sentence)) {
        if (token instanceof NewlineToken || token.getEnd() <= token.getBegin()) {
          continue;
        }
        String tag = "O";
        for (IdentifiedAnnotation m : mentions) {
          if (token.getBegin() >= m.getBegin() && token.getEnd() <= m.getEnd()) {
            tag = (token.getBegin() == m.getBegin() ? "B-" : "I-") + MentionLabels.labelOf(m);
            break;
          }
        }
        out.append(token.getCoveredText().replaceAll("\\s", "_")).append('\t').append(tag).append('\n');
        any = true;
      }
      if (any) {
        out.append('\n');
      }
    }
    AtomicFiles.write(sibling(base, ".conll"), o -> o.write(out.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** Whether an earlier run wrote this export (always true when none is asked for). */
  static boolean exists(Format format, Path base) {
    if (format == null) {
      return true;
    }
    return format == Format.brat
        ? Files.exists(sibling(base, ".txt")) && Files.exists(sibling(base, ".ann"))
        : Files.exists(sibling(base, ".conll"));
  }

  private static Path sibling(Path base, String extension) {
    return base.resolveSibling(base.getFileName() + extension);
  }
}
