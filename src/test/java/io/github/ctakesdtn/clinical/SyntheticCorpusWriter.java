package io.github.ctakesdtn.clinical;

import io.github.ctakesdtn.cli.Logging;
import io.github.ctakesdtn.corpus.AtomicFiles;
import io.github.ctakesdtn.corpus.BratReader;
import io.github.ctakesdtn.corpus.ConversionReport;
import io.github.ctakesdtn.corpus.CorpusConverter;
import io.github.ctakesdtn.corpus.CtakesTokenizer;
import io.github.ctakesdtn.corpus.DocumentCas;
import io.github.ctakesdtn.corpus.LabelTypeMapping;
import io.github.ctakesdtn.corpus.Mention;
import io.github.ctakesdtn.corpus.XmiCorpusWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.uima.UIMAException;

/**
 * Writes the synthetic notes as a gold corpus: BRAT pairs under {@code OUT/brat} and XMI under
 * {@code OUT/xmi} (converted as {@code convert --format brat} does, with the real cTAKES
 * tokenizer), ready for {@code evaluate --gold OUT/xmi --model M}.
 *
 * <pre>
 * mvn -q package -DskipTests   # target/ctakes-dtn.jar and target/test-classes
 * java -cp target/ctakes-dtn.jar:target/test-classes io.github.ctakesdtn.clinical.SyntheticCorpusWriter OUT [NOTES [SEED]]
 * </pre>
 */
public final class SyntheticCorpusWriter {
  public static final int DEFAULT_NOTES = 50;
  public static final long DEFAULT_SEED = 19;

  private SyntheticCorpusWriter() {}

  public static void main(String[] args) throws Exception {
    Logging.quiet();
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: SyntheticCorpusWriter OUT [NOTES (default " + DEFAULT_NOTES + ") [SEED (default "
          + DEFAULT_SEED + ")]]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_NOTES;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_SEED;
    ConversionReport report = write(SyntheticClinicalNotes.generate(count, seed), out);
    report.print(System.out);
    System.out.println("BRAT in " + out.resolve("brat") + ", XMI in " + out.resolve("xmi"));
    System.exit(report.failures().isEmpty() ? 0 : 1);
  }

  /** Writes BRAT and XMI; the report says what the conversion to cTAKES tokens changed (nothing, if all is well). */
  public static ConversionReport write(List<SyntheticNote> notes, Path out) throws IOException, UIMAException {
    Path brat = out.resolve("brat");
    Files.createDirectories(brat);
    for (SyntheticNote note : notes) {
      AtomicFiles.write(brat.resolve(note.id() + ".txt"), o -> o.write(note.text().getBytes(StandardCharsets.UTF_8)));
      StringBuilder ann = new StringBuilder();
      int t = 1;
      for (Mention mention : note.mentions()) {
        ann.append('T').append(t++).append('\t').append(mention.label()).append(' ').append(mention.begin()).append(' ')
            .append(mention.end()).append('\t').append(note.covered(mention)).append('\n');
      }
      AtomicFiles.write(brat.resolve(note.id() + ".ann"), o -> o.write(ann.toString().getBytes(StandardCharsets.UTF_8)));
    }
    Path xmi = out.resolve("xmi");
    Files.createDirectories(xmi);
    try (CtakesTokenizer tokenizer = new CtakesTokenizer()) {
      XmiCorpusWriter writer = new XmiCorpusWriter(xmi, DocumentCas.gold(LabelTypeMapping.defaults()));
      return new CorpusConverter(new BratReader(tokenizer, BratReader.DiscontinuousPolicy.DROP), writer, null)
          .convert(brat);
    }
  }
}
