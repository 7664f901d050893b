package io.github.ctakesdtn.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * BRAT standoff: {@code NAME.txt} (read raw, CRs kept, so offsets match) and {@code NAME.ann}
 * whose {@code T} lines are the mentions; other lines (relations, events, attributes, notes) are
 * counted and ignored. The text is split and tokenized by the real cTAKES components and the
 * mentions fitted to the tokens by {@link MentionAligner}.
 *
 * <p>Only the labels of a {@link LabelSelection} are kept (renamed as it says); the others are
 * counted by label and left out before any other rule runs. Discontinuous mentions
 * ({@code T1 Label 0 5;9 14}) follow the chosen {@link DiscontinuousPolicy}.
 */
public final class BratReader implements CorpusFormatReader {
  /** What to do with a mention made of several fragments. */
  public enum DiscontinuousPolicy {
    /** Leave it out (counted). */
    DROP,
    /** Keep one mention from the first fragment's start to the last fragment's end. */
    EXTENT,
    /** Keep the first fragment only. */
    FIRST
  }

  private final CtakesTokenizer tokenizer;
  private final DiscontinuousPolicy discontinuous;
  private final LabelSelection labels;

  public BratReader(CtakesTokenizer tokenizer, DiscontinuousPolicy discontinuous) {
    this(tokenizer, discontinuous, LabelSelection.all());
  }

  /** @param labels the labels kept (and renamed); a left-out label's mentions are counted before any other rule */
  public BratReader(CtakesTokenizer tokenizer, DiscontinuousPolicy discontinuous, LabelSelection labels) {
    this.tokenizer = tokenizer;
    this.discontinuous = discontinuous;
    this.labels = labels;
  }

  @Override
  public void read(Path input, DocumentSink sink, ConversionReport report) throws IOException {
    TextAnnotationPairs.read(input, ".ann", "BRAT", sink, report, (id, text, annFile) -> {
      boolean byteOrderMark = TextFiles.startsWithByteOrderMark(
          annFile.resolveSibling(annFile.getFileName().toString().replaceFirst("\\.ann$", ".txt")));
      List<Mention> raw = parseAnnotations(annFile, TextFiles.readUtf8(annFile), text, byteOrderMark, report);
      MentionAligner.Aligned aligned = MentionAligner.align(tokenizer.sentences(text), raw, report);
      return new Document(id, text, aligned.sentences(), aligned.mentions());
    });
  }

  /** @param byteOrderMark the .txt file began with a byte-order mark, which brat counts as a character */
  List<Mention> parseAnnotations(Path annFile, String ann, String text, boolean byteOrderMark, ConversionReport report)
      throws CorpusFormatException {
    List<Mention> mentions = new ArrayList<>();
    String[] lines = ann.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      if (line.charAt(0) != 'T') {
        report.count("ignored: non-entity .ann line (" + line.charAt(0) + ")");
        continue;
      }
      String place = "line " + (i + 1);
      String[] fields = line.split("\t");
      if (fields.length < 2) {
        throw new CorpusFormatException(annFile, place, "a T line needs 'ID<TAB>LABEL START END[;START END]*<TAB>TEXT'");
      }
      String[] typeAndRanges = fields[1].split(" ", 2);
      if (typeAndRanges.length < 2) {
        throw new CorpusFormatException(annFile, place, "no character offsets after label '" + typeAndRanges[0] + "'");
      }
      List<Mention> fragments = new ArrayList<>();
      for (String range : typeAndRanges[1].split(";")) {
        fragments.add(parseFragment(annFile, place, range.trim(), typeAndRanges[0], text.length()));
      }
      String label = labels.nameFor(typeAndRanges[0], report);
      if (label == null) {
        continue;
      }
      // Text columns are checked for kept mentions only: a .ann that does not belong to its .txt
      // fails on those too, while a typo in a left-out annotation (Chia has a few) costs nothing.
      fragments = BratOffsets.check(annFile, place, text, byteOrderMark, fragments,
          fields.length > 2 ? fields[2] : null, report)
          .stream().map(f -> new Mention(f.begin(), f.end(), label)).toList();
      if (fragments.size() == 1) {
        mentions.add(fragments.get(0));
        continue;
      }
      switch (discontinuous) {
        case DROP -> report.count("dropped: discontinuous mention");
        case FIRST -> {
          report.count("snapped: discontinuous mention, first fragment kept");
          mentions.add(fragments.get(0));
        }
        case EXTENT -> {
          report.count("snapped: discontinuous mention, whole extent kept");
          int begin = fragments.stream().mapToInt(Mention::begin).min().orElseThrow();
          int end = fragments.stream().mapToInt(Mention::end).max().orElseThrow();
          mentions.add(new Mention(begin, end, label));
        }
      }
    }
    return mentions;
  }

  private static Mention parseFragment(Path annFile, String place, String range, String label, int textLength)
      throws CorpusFormatException {
    String[] offsets = range.split(" ");
    int begin;
    int end;
    try {
      if (offsets.length != 2) {
        throw new NumberFormatException();
      }
      begin = Integer.parseInt(offsets[0]);
      end = Integer.parseInt(offsets[1]);
    } catch (NumberFormatException e) {
      throw new CorpusFormatException(annFile, place, "'" + range + "' is not a 'START END' offset pair");
    }
    if (begin < 0 || end <= begin) {
      throw new CorpusFormatException(annFile, place, "empty or reversed offsets " + begin + "-" + end);
    }
    if (end > textLength) {
      throw new CorpusFormatException(annFile, place,
          "offset " + end + " is past the end of the text (" + textLength + " characters)");
    }
    return new Mention(begin, end, label);
  }
}
