package io.github.ctakesdtn.corpus;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ConllReaderTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  /** A document whose sentence i reads "s{i} alpha" with "alpha" labelled "L{i}". */
  static Document documentOfSentences(String id, int n) {
    StringBuilder text = new StringBuilder();
    List<Sentence> sentences = new ArrayList<>();
    List<Mention> mentions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        text.append('\n');
      }
      int start = text.length();
      text.append("s").append(i).append(" alpha");
      int alpha = text.length() - 5;
      sentences.add(Sentence.of(List.of(new Token(start, alpha - 1), new Token(alpha, text.length()))));
      mentions.add(new Mention(alpha, text.length(), "L" + i));
    }
    return new Document(id, text.toString(), sentences, mentions);
  }

  private Collected read(String content, int sentencesPerDocument, List<String> labels) throws IOException {
    Path file = temp.getRoot().toPath().resolve("corpus.tsv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return Collected.read(new ConllReader(sentencesPerDocument, LabelSelection.of(labels)), file);
  }

  @Test
  public void rebuildsTextWithExactOffsetsAndDecodesMentions() throws IOException {
    Collected c = read("Aspirin\tB-Chemical\ncauses\tO\nacute\tB-Disease\nrenal\tI-Disease\nfailure\tI-Disease\n.\tO\n\n"
        + "No\tO\npain\tB-Disease\n", 10, List.of());
    assertEquals(1, c.documents.size());
    Document doc = c.documents.get(0);
    assertEquals("corpus-00001", doc.id());
    assertEquals("Aspirin causes acute renal failure .\nNo pain", doc.text());
    assertEquals(2, doc.sentences().size());
    assertEquals(8, doc.tokenCount());
    assertEquals(List.of("Chemical:Aspirin", "Disease:acute renal failure", "Disease:pain"), c.coveredMentions(0));
    for (Sentence sentence : doc.sentences()) {
      for (Token token : sentence.tokens()) {
        assertTrue(doc.coveredText(token.begin(), token.end()).strip().equals(doc.coveredText(token.begin(), token.end())));
      }
    }
  }

  @Test
  public void docstartLinesStartDocumentsAndOtherwiseSentencesAreGrouped() throws IOException {
    Collected byDocstart = read("-DOCSTART- -X- O O\n\na B-X\n\nb O\n\n-DOCSTART- -X- O O\n\nc O\n", 1, List.of());
    assertEquals(2, byDocstart.documents.size());
    assertEquals("a\nb", byDocstart.documents.get(0).text());
    assertEquals("c", byDocstart.documents.get(1).text());

    Collected grouped = read("a O\n\nb O\n\nc O\n\nd O\n\ne O\n", 2, List.of());
    assertEquals(List.of("a\nb", "c\nd", "e"), grouped.documents.stream().map(Document::text).toList());
  }

  @Test
  public void aBadLineSkipsOnlyItsDocumentAndNamesFileAndLine() throws IOException {
    Collected c = read("a O\n\nb\n\nc B-X\n", 1, List.of());
    assertEquals(List.of("a", "c"), c.documents.stream().map(Document::text).toList());
    assertEquals(1, c.failures.size());
    String failure = c.failures.get(0);
    assertTrue(failure, failure.startsWith("corpus-00002 | "));
    assertTrue(failure, failure.contains("corpus.tsv: line 3: expected a token column and a tag column"));
    assertTrue(failure, failure.endsWith("| 1"));
  }

  @Test
  public void badTagsAreErrors() throws IOException {
    Collected badTag = read("a Q-X\n", 1, List.of());
    assertTrue(badTag.failures.get(0), badTag.failures.get(0).contains("line 1: 'Q-X' has an unknown prefix"));
  }

  @Test
  public void labelsOutsideTheSelectionAreCountedAndLeftOutAndSelectedOnesRenamed() throws IOException {
    Collected c = read("a B-Disease\nb I-Disease\n\nc B-Gene\nd B-Gene\n\ne B-Chemical\n", 10,
        List.of("Disease=DiseaseDisorderMention", "Chemical"));
    assertEquals(List.of(), c.failures);
    assertEquals(List.of("DiseaseDisorderMention:a b", "Chemical:e"), c.coveredMentions(0));
    assertEquals(Map.of("Gene", 2), c.report.ignoredLabels());
  }

  @Test
  public void emptyAndNonUtf8FilesAreReported() throws IOException {
    assertTrue(read("\n\n", 1, List.of()).failures.get(0).contains("the file is empty"));
    Path file = temp.getRoot().toPath().resolve("latin1.tsv");
    Files.write(file, "caf\u00e9 O\n".getBytes(StandardCharsets.ISO_8859_1));
    Collected c = Collected.read(new ConllReader(1), file);
    assertTrue(c.failures.get(0), c.failures.get(0).contains("latin1.tsv: byte 3 (line 1): not valid UTF-8"));
  }

  @Test
  public void windowsLineEndingsAndSpaceSeparatedColumnsAreRead() throws IOException {
    Collected c = read("a x B-X\r\nb y I-X\r\n\r\n", 1, List.of());
    assertEquals("a b", c.documents.get(0).text());
    assertEquals(List.of("X:a b"), c.coveredMentions(0));
  }

  @Test
  public void loneCarriageReturnsEndLinesLikeNewlines() throws IOException {
    Collected c = read("Aspirin\tB-Chemical\rhelps\tO\r\rFever\tB-Disease\r", 10, List.of());
    assertEquals(List.of(), c.failures);
    assertEquals("Aspirin helps\nFever", c.documents.get(0).text());
    assertEquals(List.of("Chemical:Aspirin", "Disease:Fever"), c.coveredMentions(0));
  }

  @Test
  public void aNulByteIsReportedAtReadTimeWithLineAndColumn() throws IOException {
    Collected c = read("a O\n\nb\u0000c O\n\nd O\n", 1, List.of());
    assertEquals(List.of("a", "d"), c.documents.stream().map(Document::text).toList());
    assertTrue(c.failures.get(0), c.failures.get(0).contains("corpus.tsv: line 3: column 2: character U+0000"));
  }

  @Test
  public void documentsAreNamedByRelativePathSoSameNamedFilesInSubfoldersStayApart() throws IOException {
    Path dir = temp.newFolder("in").toPath();
    Files.createDirectories(dir.resolve("sub1"));
    Files.createDirectories(dir.resolve("sub2"));
    Files.writeString(dir.resolve("sub1/train.tsv"), "a O\n");
    Files.writeString(dir.resolve("sub2/train.tsv"), "b O\n");
    Collected c = Collected.read(new ConllReader(5), dir);
    assertEquals(List.of("sub1/train-00001", "sub2/train-00001"), c.documents.stream().map(Document::id).toList());
  }

  @Test
  public void filesThatWouldShareAnOutputNameAreRefusedBeforeAnyDocumentIsRead() throws IOException {
    Path dir = temp.newFolder("clash").toPath();
    Files.writeString(dir.resolve("train.tsv"), "a O\n");
    Files.writeString(dir.resolve("train.conll"), "b O\n");
    Collected c = new Collected();
    CorpusFormatException e = org.junit.Assert.assertThrows(CorpusFormatException.class,
        () -> new ConllReader(5).read(dir, c, c.report));
    assertTrue(e.getMessage(), e.getMessage().contains("train.conll and " + dir.resolve("train.tsv")
        + " would both be document 'train'"));
    assertEquals(0, c.documents.size());
  }
}
