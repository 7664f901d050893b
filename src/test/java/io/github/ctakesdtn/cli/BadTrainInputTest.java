package io.github.ctakesdtn.cli;

import static io.github.ctakesdtn.cli.BadInput.assertReports;

import io.github.ctakesdtn.uima.ModelRegistry;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** train refuses data and options it cannot train on before any work, naming the corpus or the option. */
public class BadTrainInputTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();
  private BadInput files;

  @Before
  public void setUp() {
    files = new BadInput(temp.getRoot().toPath());
  }

  private CliRun.Result train(String corpus, String... more) {
    String[] args = {"train", "--train", corpus, "--out", files.path("m.model").toString(), "--no-learned-vectors"};
    return CliRun.run(args, more);
  }

  @Test
  public void aCorpusWhoseOnlySentenceWentToDevIsNamed() throws Exception {
    String corpus = files.write("one.tsv", "Aspirin\tB-Chemical\nhelps\tO\n\n");
    assertReports(train(corpus, "--dev-fraction", "1"), 1, corpus, "no training sentences left of 1",
        "--dev-fraction");
  }

  @Test
  public void aCorpusWithoutMentionsIsNamed() throws Exception {
    String corpus = files.write("plain.tsv", "nothing\tO\nhere\tO\n\nor\tO\nhere\tO\n\n");
    assertReports(train(corpus, "--dev", corpus), 1, corpus, "hold no mentions");
  }

  @Test
  public void unlabelledNotesThatNothingWouldReadAreRefused() throws Exception {
    String corpus = files.write("ok.tsv", "Aspirin\tB-Chemical\nhelps\tO\n\n");
    String notes = files.write("note.txt", "Aspirin helps.\n");
    assertReports(train(corpus, "--dev", corpus, "--unlabelled", notes), 2,
        "--unlabelled would go unread with --no-learned-vectors");
    CliRun.Result fromBundled = CliRun.run(new String[] {"train", "--train", corpus, "--dev", corpus, "--out",
        files.path("m.model").toString(), "--unlabelled", notes}, "--no-self-training");
    assertReports(fromBundled, 2, "--unlabelled would go unread with --no-self-training");
  }

  @Test
  public void aTeacherIsRefusedWithoutSentencesToTagOrWithLabelsTheCorpusLacks() throws Exception {
    String corpus = files.write("ok.tsv", "Aspirin\tB-Chemical\nhelps\tO\n\n");
    String notes = files.write("note.txt", "Aspirin helps.\n");
    String bundled = ModelRegistry.DEFAULT_MODEL;
    String[] fromBundled = {"train", "--train", corpus, "--dev", corpus, "--out", files.path("m.model").toString(),
        "--teacher", bundled};
    assertReports(CliRun.run(fromBundled), 2, "--teacher tags the unannotated sentences of self-training",
        "no unannotated sentences");
    assertReports(CliRun.run(fromBundled, "--unlabelled", notes, "--no-self-training"), 2, "--no-self-training");
    assertReports(CliRun.run(fromBundled, "--unlabelled", notes), 2, "--teacher " + bundled,
        "DiseaseDisorderMention", "which the training corpus does not annotate (its labels: [Chemical])");
    String[] contextual = {"train", "--train", corpus, "--dev", corpus, "--out", files.path("m.model").toString(),
        "--unlabelled", notes, "--teacher", "contextual"};
    assertReports(CliRun.run(contextual, "--char-lm", "8"), 2, "--teacher contextual trains a network with character"
        + " language models to teach this run's, which has them already");
  }

  @Test
  public void optionsBelowOneAreUsageErrorsNamingTheOption() throws Exception {
    String corpus = files.write("ok.tsv", "Aspirin\tB-Chemical\nhelps\tO\n\n");
    for (String option : new String[] {"--epochs", "--patience", "--batch-size", "--threads", "--word-hidden"}) {
      assertReports(train(corpus, option, "0"), 2, "Invalid value for option '" + option + "': 0");
    }
  }
}
