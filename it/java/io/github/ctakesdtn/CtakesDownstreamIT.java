package io.github.ctakesdtn;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.corpus.MentionLabels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.ctakes.core.pipeline.PiperFileRunner;
import org.apache.ctakes.core.util.annotation.SemanticGroup;
import org.apache.ctakes.typesystem.type.constants.CONST;
import org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation;
import org.apache.uima.fit.factory.JCasFactory;
import org.apache.uima.fit.util.JCasUtil;
import org.apache.uima.jcas.JCas;
import org.apache.uima.util.CasIOUtils;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Our mentions read by cTAKES' own tools, as a cTAKES user runs them: a piper file with the
 * default model followed by cTAKES' rule-based negation annotator (ne-contexts' ContextAnnotator,
 * which needs no UMLS and no model), run by PiperFileRunner with {@code --htmlOut} (cTAKES' pretty
 * HTML writer).
 */
public class CtakesDownstreamIT {
  static final String NOTE = "Denies chest pain. No history of diabetes.\n";

  @Rule public TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void negationAndTheHtmlWriterReadTheMentionsSemanticGroups() throws Exception {
    Path notes = temp.newFolder("notes").toPath();
    Files.writeString(notes.resolve("note1.txt"), NOTE);
    Path piper = temp.getRoot().toPath().resolve("negation.piper");
    Files.writeString(piper, String.join("\n",
        "reader io.github.ctakesdtn.uima.NoteTreeReader Extensions=txt",
        "load DefaultTokenizerPipeline",
        "load io/github/ctakesdtn/pipeline/DtnNerSubPipe.piper",
        "add org.apache.ctakes.necontexts.ContextAnnotator",
        "writeXmis", ""));
    Path out = temp.newFolder("out").toPath();
    Path html = temp.newFolder("html").toPath();
    assertTrue(PiperFileRunner.run("-p", piper.toString(), "-i", notes.toString(), "-o", out.toString(),
        "--htmlOut", html.toString()));

    JCas jcas = JCasFactory.createJCas();
    try (var in = Files.newInputStream(only(out, ".xmi"))) {
      CasIOUtils.load(in, jcas.getCas());
    }
    // Ours only: the negation annotator adds its cue ("Denies") as a ContextAnnotation, an IdentifiedAnnotation too.
    List<IdentifiedAnnotation> mentions = JCasUtil.select(jcas, IdentifiedAnnotation.class).stream()
        .filter(MentionLabels::hasLabel).toList();
    List<String> covered = mentions.stream().map(IdentifiedAnnotation::getCoveredText).toList();
    assertTrue("mentions " + covered, covered.contains("chest pain") && covered.contains("diabetes"));
    List<String> expectedTips = new ArrayList<>();
    for (IdentifiedAnnotation mention : mentions) {
      assertEquals(mention.getCoveredText() + " is negated", CONST.NE_POLARITY_NEGATION_PRESENT, mention.getPolarity());
      SemanticGroup group = SemanticGroup.getBestGroup(mention);
      assertEquals(mention.getCoveredText(), mention.getTypeID(), group.getCode());
      expectedTips.add(prettyGroupName(group));
    }

    String page = Files.readString(only(html, ".html"), StandardCharsets.UTF_8);
    List<String> tips = new ArrayList<>();
    Matcher tip = Pattern.compile(" TIP=\"([^\"]*)\"").matcher(page);
    while (tip.find()) {
      tips.add(tip.group(1).strip());
    }
    assertFalse("the writer called a mention a generic Event: " + tips, tips.contains("Event"));
    assertEquals(expectedTips.stream().sorted().toList(), tips.stream().sorted().toList());
    assertTrue("negated mentions are marked negated in the page", page.contains("class=\"NEG_\""));
  }

  /** The name cTAKES' pretty HTML writer gives a group (it has no lab group and files T034 under Finding). */
  private static String prettyGroupName(SemanticGroup group) {
    return switch (group) {
      case DRUG -> "Drug";
      case DISORDER -> "Disorder";
      case FINDING, LAB -> "Finding";
      case PROCEDURE -> "Procedure";
      case ANATOMY -> "Anatomy";
      default -> throw new AssertionError("no pretty-writer group for " + group);
    };
  }

  private static Path only(Path folder, String ending) throws Exception {
    try (Stream<Path> files = Files.walk(folder)) {
      List<Path> found = files.filter(f -> f.toString().endsWith(ending)).toList();
      assertEquals("files ending " + ending + " under " + folder + ": " + found, 1, found.size());
      return found.get(0);
    }
  }
}
