package io.github.ctakesdtn.corpus;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class I2b2ReaderTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private static final String TEXT = "Admission Date :\nThe patient had chest pain , treated with aspirin .\n";
  private static final String CON =
      "c=\"chest pain\" 2:3 2:4||t=\"problem\"\nc=\"aspirin\" 2:8 2:8||t=\"treatment\"\n";

  private Path pair(String name, String text, String con) throws IOException {
    Path dir = temp.getRoot().toPath();
    Files.writeString(dir.resolve(name + ".txt"), text);
    Files.writeString(dir.resolve(name + ".con"), con);
    return dir;
  }

  @Test
  public void linesAreSentencesAndWhitespaceTokensAreTokens() throws IOException {
    Collected c = Collected.read(new I2b2Reader(null), pair("rec", TEXT, CON));
    assertEquals(List.of(), c.failures);
    Document doc = c.documents.get(0);
    assertEquals(TEXT, doc.text());
    assertEquals(2, doc.sentences().size());
    assertEquals(3 + 10, doc.tokenCount());
    assertEquals(List.of("problem:chest pain", "treatment:aspirin"), c.coveredMentions(0));
  }

  @Test
  public void retokenizingWithCtakesKeepsTheMentions() throws Exception {
    try (CtakesTokenizer tokenizer = new CtakesTokenizer()) {
      Collected c = Collected.read(new I2b2Reader(tokenizer), pair("rec", TEXT, CON));
      assertEquals(List.of("problem:chest pain", "treatment:aspirin"), c.coveredMentions(0));
    }
  }

  @Test
  public void aTokenOutsideTheLineIsAnErrorNamingConFileAndLine() throws IOException {
    Collected c = Collected.read(new I2b2Reader(null), pair("rec", TEXT, CON + "c=\"x\" 1:7 1:7||t=\"test\"\n"));
    assertEquals(0, c.documents.size());
    assertTrue(c.failures.get(0), c.failures.get(0).contains("rec.con: line 3: token 7 is outside text line 1 (3 tokens)"));
  }

  @Test
  public void aMismatchedConceptTextIsCountedAndKept() throws IOException {
    Collected c = Collected.read(new I2b2Reader(null), pair("rec", TEXT, "c=\"headache\" 2:3 2:4||t=\"problem\"\n"));
    assertEquals(List.of("problem:chest pain"), c.coveredMentions(0));
    assertEquals(Integer.valueOf(1), c.report.adjustments().get("kept: concept text differs from the tokens it points at"));
  }

  @Test
  public void anIndexTooLargeForAnIntSkipsOnlyItsDocument() throws IOException {
    Path dir = pair("huge", TEXT, "c=\"chest pain\" 99999999999:2 1:3||t=\"problem\"\n");
    pair("rec", TEXT, CON);
    Collected c = Collected.read(new I2b2Reader(null), dir);
    assertEquals(List.of("rec"), c.documents.stream().map(Document::id).toList());
    assertTrue(c.failures.get(0), c.failures.get(0).contains("huge.con: line 1: index 99999999999 is too large"));
  }

  @Test
  public void loneCarriageReturnsEndTextAndConceptLines() throws IOException {
    Collected c = Collected.read(new I2b2Reader(null), pair("mac", TEXT.replace('\n', '\r'), CON.replace('\n', '\r')));
    assertEquals(List.of(), c.failures);
    assertEquals(List.of("problem:chest pain", "treatment:aspirin"), c.coveredMentions(0));
  }
}
