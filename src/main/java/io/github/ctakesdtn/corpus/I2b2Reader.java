package io.github.ctakesdtn.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * i2b2/VA 2010 concept annotations: {@code NAME.txt} with one sentence per line and
 * whitespace-separated tokens, and {@code NAME.con} with lines such as
 * {@code c="chest pain" 12:3 12:4||t="problem"} (lines counted from 1, tokens from 0, both ends
 * inclusive).
 *
 * <p>By default the file's own lines and tokens are the sentences and tokens. With a
 * {@link CtakesTokenizer} the text is re-split and re-tokenized by cTAKES instead, and the
 * mentions are fitted to those tokens by {@link MentionAligner}.
 */
public final class I2b2Reader implements CorpusFormatReader {
  private static final Pattern CONCEPT =
      Pattern.compile("^c=\"(.*)\" (\\d+):(\\d+) (\\d+):(\\d+)\\|\\|t=\"([^\"]+)\"\\s*$");

  private final CtakesTokenizer retokenizer;
  private final LabelSelection labels;

  /** @param retokenizer cTAKES tokenization to use instead of the file's own, or null */
  public I2b2Reader(CtakesTokenizer retokenizer) {
    this(retokenizer, LabelSelection.all());
  }

  /** @param labels the concept types kept (and renamed); the others are counted and left out */
  public I2b2Reader(CtakesTokenizer retokenizer, LabelSelection labels) {
    this.retokenizer = retokenizer;
    this.labels = labels;
  }

  @Override
  public void read(Path input, DocumentSink sink, ConversionReport report) throws IOException {
    TextAnnotationPairs.read(input, ".con", "i2b2", sink, report, (id, text, conFile) -> {
      List<List<Token>> lines = whitespaceTokens(text);
      List<Mention> mentions =
          labels.apply(parseConcepts(conFile, TextFiles.readUtf8(conFile), text, lines, report), report);
      if (retokenizer == null) {
        List<Sentence> sentences = lines.stream().filter(line -> !line.isEmpty()).map(Sentence::of).toList();
        return new Document(id, text, sentences, MentionAligner.resolveOverlaps(mentions, report));
      }
      MentionAligner.Aligned aligned = MentionAligner.align(retokenizer.sentences(text), mentions, report);
      return new Document(id, text, aligned.sentences(), aligned.mentions());
    });
  }

  /** The whitespace-separated tokens of each line (index 0 is line 1). */
  static List<List<Token>> whitespaceTokens(String text) {
    List<List<Token>> lines = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '\n';
      if (Character.isWhitespace(c)) {
        if (start >= 0) {
          current.add(new Token(start, i));
          start = -1;
        }
        // A line ends at LF, or at a CR not followed by LF (old Mac files); CRLF counts once.
        boolean loneCr = c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n');
        if (c == '\n' || loneCr) {
          lines.add(current);
          current = new ArrayList<>();
        }
      } else if (start < 0) {
        start = i;
      }
    }
    return lines;
  }

  private static List<Mention> parseConcepts(Path conFile, String con, String text, List<List<Token>> lines,
      ConversionReport report) throws CorpusFormatException {
    List<Mention> mentions = new ArrayList<>();
    String[] conLines = con.split("\r\n|\r|\n", -1);
    for (int i = 0; i < conLines.length; i++) {
      if (conLines[i].isBlank()) {
        continue;
      }
      String place = "line " + (i + 1);
      Matcher m = CONCEPT.matcher(conLines[i]);
      if (!m.matches()) {
        throw new CorpusFormatException(conFile, place, "expected c=\"TEXT\" LINE:TOKEN LINE:TOKEN||t=\"TYPE\"");
      }
      int firstLine = index(conFile, place, m.group(2));
      int lastLine = index(conFile, place, m.group(4));
      Token first = tokenAt(conFile, place, lines, firstLine, index(conFile, place, m.group(3)));
      Token last = tokenAt(conFile, place, lines, lastLine, index(conFile, place, m.group(5)));
      if (last.end() <= first.begin()) {
        throw new CorpusFormatException(conFile, place, "the concept ends before it starts");
      }
      if (firstLine != lastLine) {
        report.count("dropped: crosses a sentence boundary");
        continue;
      }
      String covered = text.substring(first.begin(), last.end()).replaceAll("\\s+", " ");
      if (!covered.toLowerCase(Locale.ROOT).equals(m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " "))) {
        report.count("kept: concept text differs from the tokens it points at");
      }
      mentions.add(new Mention(first.begin(), last.end(), m.group(6)));
    }
    return mentions;
  }

  /** A line or token number; one too large for an int is a bad line, not a crash of the batch. */
  private static int index(Path conFile, String place, String digits) throws CorpusFormatException {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new CorpusFormatException(conFile, place, "index " + digits + " is too large");
    }
  }

  private static Token tokenAt(Path conFile, String place, List<List<Token>> lines, int line, int token)
      throws CorpusFormatException {
    if (line < 1 || line > lines.size()) {
      throw new CorpusFormatException(conFile, place, "line " + line + " is outside the text (" + lines.size() + " lines)");
    }
    List<Token> tokens = lines.get(line - 1);
    if (token < 0 || token >= tokens.size()) {
      throw new CorpusFormatException(conFile, place,
          "token " + token + " is outside text line " + line + " (" + tokens.size() + " tokens)");
    }
    return tokens.get(token);
  }
}
