package io.github.ctakesdtn.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ctakesdtn.corpus.CorpusFormatException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CommandPathsTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void aModelOutputThatIsAFolderIsRefusedBeforeTraining() throws Exception {
    Path dir = temp.newFolder("models").toPath();
    CorpusFormatException e = assertThrows(CorpusFormatException.class,
        () -> CommandPaths.requireWritableFile(dir, "--out"));
    assertTrue(e.getMessage(), e.getMessage().contains("models: is a folder (--out takes a file name"));
  }

  @Test
  public void aModelOutputBelowAFileIsRefusedAndAGoodOneLeavesNothingBehind() throws Exception {
    Path blocker = temp.newFile("blocker").toPath();
    CorpusFormatException e = assertThrows(CorpusFormatException.class,
        () -> CommandPaths.requireWritableFile(blocker.resolve("x.model"), "--out"));
    assertTrue(e.getMessage(), e.getMessage().contains("x.model: cannot be written (--out)"));
    Path good = temp.getRoot().toPath().resolve("new/dir/x.model");
    CommandPaths.requireWritableFile(good, "--out");
    assertEquals(0, CliRun.files(good.getParent()).size());
  }

  @Test
  public void fileSystemErrorsAreSpelledOutNotJustAPath() {
    // Java's own message for these is the bare path: "unreadable.txt".
    assertEquals("/n/unreadable.txt: permission denied",
        ErrorMessages.rootMessage(new RuntimeException(new AccessDeniedException("/n/unreadable.txt"))));
    assertEquals("gone.txt: no such file or folder",
        ErrorMessages.forCommand(new NoSuchFileException("gone.txt")));
    assertEquals("model broken", ErrorMessages.forCommand(new IllegalStateException("model broken",
        new IllegalArgumentException("inner"))));
  }

  @Test
  public void theOutputFolderMustNotBeTheInputFolder() throws Exception {
    Path in = temp.newFolder("in").toPath();
    assertThrows(CorpusFormatException.class, () -> CommandPaths.requireApart(in, in.resolve("sub/..")));
    CommandPaths.requireApart(in, in.resolve("out"));
    CommandPaths.requireApart(in, temp.getRoot().toPath());
    assertTrue(Files.isDirectory(in));
  }
}
