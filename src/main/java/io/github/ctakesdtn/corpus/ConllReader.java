package io.github.ctakesdtn.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CoNLL-style column files: the first column is the token, the last the tag (IOB1, IOB2, IOBES);
 * a blank line ends a sentence; a {@code -DOCSTART-} line starts a document. A file without
 * {@code -DOCSTART-} lines is cut into documents of {@code sentencesPerDocument} sentences.
 *
 * <p>The text is rebuilt from the tokens (one space between tokens, one newline between
 * sentences), so every offset is exact. A document holding a malformed line (no tag column, a tag
 * that is not a tag) is reported with the file and line and skipped; the rest of the file is still
 * read. Mentions of a label outside the {@link LabelSelection} are counted and left out.
 */
public final class ConllReader implements CorpusFormatReader {
  /** File name endings taken when the input is a folder. */
  public static final List<String> EXTENSIONS = List.of(".conll", ".tsv", ".iob", ".bio", ".txt");

  private final int sentencesPerDocument;
  private final LabelSelection labels;

  public ConllReader(int sentencesPerDocument) {
    this(sentencesPerDocument, LabelSelection.all());
  }

  /** @param labels the labels kept (and renamed); the others are counted and left out */
  public ConllReader(int sentencesPerDocument, LabelSelection labels) {
    if (sentencesPerDocument < 1) {
      throw new IllegalArgumentException("sentences per document must be at least 1");
    }
    this.sentencesPerDocument = sentencesPerDocument;
    this.labels = labels;
  }

  /** A sentence as read: tokens, tags, the line it starts on, and the first problem found in it. */
  private record Block(List<String> tokens, List<Tag> tags, int firstLine, String problem) {}

  @Override
  public void read(Path input, DocumentSink sink, ConversionReport report) throws IOException {
    List<Path> files = inputFiles(input);
    DocumentIds.requireUnique(input, files);
    for (Path file : files) {
      readFile(file, DocumentIds.of(input, file), sink, report);
    }
  }

  static List<Path> inputFiles(Path input) throws IOException {
    if (!Files.isDirectory(input)) {
      return List.of(input);
    }
    List<Path> files = new ArrayList<>();
    for (Path file : TextFiles.listFiles(input, "")) {
      String name = file.getFileName().toString();
      if (EXTENSIONS.stream().anyMatch(name::endsWith)) {
        files.add(file);
      }
    }
    return files;
  }

  private void readFile(Path file, String base, DocumentSink sink, ConversionReport report) throws IOException {
    String text;
    try {
      text = TextFiles.readNonEmptyUtf8(file);
    } catch (CorpusFormatException e) {
      sink.failed(file.toString(), e.getMessage(), 0);
      return;
    }
    List<List<Block>> documents = splitDocuments(file, text);
    for (int d = 0; d < documents.size(); d++) {
      List<Block> blocks = documents.get(d);
      String id = String.format("%s-%05d", base, d + 1);
      String problem = blocks.stream().map(Block::problem).filter(p -> p != null).findFirst().orElse(null);
      if (problem != null) {
        sink.failed(id, file + ": " + problem, blocks.size());
      } else {
        Document document = toDocument(id, blocks);
        sink.accept(document.withMentions(labels.apply(document.mentions(), report)));
      }
    }
  }

  private List<List<Block>> splitDocuments(Path file, String text) {
    // Any line end: LF, CRLF, or a lone CR (old Mac files would otherwise read as one line).
    String[] lines = text.split("\r\n|\r|\n", -1);
    boolean hasDocStart = false;
    List<List<Block>> documents = new ArrayList<>();
    List<Block> current = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<Tag> tags = new ArrayList<>();
    int firstLine = 0;
    String problem = null;
    for (int i = 0; i <= lines.length; i++) {
      String line = i < lines.length ? lines[i] : "";
      boolean docStart = line.startsWith("-DOCSTART-");
      if (line.isBlank() || docStart) {
        if (!tokens.isEmpty() || problem != null) {
          current.add(new Block(tokens, tags, firstLine, problem));
          tokens = new ArrayList<>();
          tags = new ArrayList<>();
          problem = null;
        }
        if (docStart) {
          hasDocStart = true;
          if (!current.isEmpty()) {
            documents.add(current);
          }
          current = new ArrayList<>();
        }
        continue;
      }
      if (tokens.isEmpty() && problem == null) {
        firstLine = i + 1;
      }
      if (problem != null) {
        continue;
      }
      try {
        String[] columns = line.indexOf('\t') >= 0 ? line.split("\t") : line.trim().split("\\s+");
        if (columns.length < 2) {
          throw new IllegalArgumentException("expected a token column and a tag column, found one column");
        }
        String token = columns[0].strip();
        if (token.isEmpty()) {
          throw new IllegalArgumentException("the token column is empty");
        }
        int forbidden = XmlChars.firstForbidden(line);
        if (forbidden >= 0) {
          // Found here, not when the XMI is written, so the message names this file and line.
          throw new IllegalArgumentException("column " + (forbidden + 1) + ": character "
              + XmlChars.describe(line.charAt(forbidden)) + " cannot be stored in XMI (XML 1.0)");
        }
        Tag tag = Tag.parse(columns[columns.length - 1].strip());
        tokens.add(token);
        tags.add(tag);
      } catch (IllegalArgumentException e) {
        problem = "line " + (i + 1) + ": " + e.getMessage();
      }
    }
    if (!current.isEmpty()) {
      documents.add(current);
    }
    if (hasDocStart) {
      return documents;
    }
    List<Block> all = documents.stream().flatMap(List::stream).toList();
    List<List<Block>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += sentencesPerDocument) {
      chunks.add(all.subList(from, Math.min(all.size(), from + sentencesPerDocument)));
    }
    return chunks;
  }

  private static Document toDocument(String id, List<Block> blocks) {
    StringBuilder text = new StringBuilder();
    List<Sentence> sentences = new ArrayList<>();
    List<Mention> mentions = new ArrayList<>();
    for (Block block : blocks) {
      if (text.length() > 0) {
        text.append('\n');
      }
      List<Token> tokens = new ArrayList<>();
      for (String token : block.tokens()) {
        if (!tokens.isEmpty()) {
          text.append(' ');
        }
        tokens.add(new Token(text.length(), text.length() + token.length()));
        text.append(token);
      }
      sentences.add(Sentence.of(tokens));
      for (TokenSpan span : TagScheme.decode(block.tags())) {
        mentions.add(new Mention(tokens.get(span.first()).begin(), tokens.get(span.end() - 1).end(), span.label()));
      }
    }
    return new Document(id, text.toString(), sentences, mentions);
  }
}
