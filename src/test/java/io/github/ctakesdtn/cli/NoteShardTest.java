package io.github.ctakesdtn.cli;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import picocli.CommandLine.TypeConversionException;

/** annotate --shard K/N: every note in exactly one shard, the same one every time; N runs make one run's output. */
public class NoteShardTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private static NoteShard parse(String text) {
    return new NoteShard.Converter().convert(text);
  }

  @Test
  public void parsesKOfNAndRefusesWhatIsNot() {
    assertEquals(new NoteShard(2, 8), parse("2/8"));
    assertEquals(new NoteShard(1, 1), parse(" 1 / 1 "));
    for (String bad : new String[] {"0/4", "5/4", "1/0", "-1/3", "2", "a/b", "1/2/3", ""}) {
      assertThrows(bad, TypeConversionException.class, () -> parse(bad));
    }
  }

  @Test
  public void everyNoteFallsInExactlyOneShardAndShardsAreEven() {
    Random random = new Random(17);
    int n = 4;
    int[] sizes = new int[n];
    for (int i = 0; i < 4000; i++) {
      String id = "dir" + random.nextInt(50) + "/note-" + Long.toHexString(random.nextLong());
      int holders = 0;
      for (int k = 1; k <= n; k++) {
        if (new NoteShard(k, n).contains(id)) {
          holders++;
          sizes[k - 1]++;
          assertTrue("stable", new NoteShard(k, n).contains(id));
        }
      }
      assertEquals(id, 1, holders);
    }
    for (int size : sizes) {
      assertTrue("about a quarter each: " + java.util.Arrays.toString(sizes), size > 850 && size < 1150);
    }
  }

  @Test
  public void shardsSharingAnOutputFolderWriteWhatOneRunWrites() throws Exception {
    Path in = temp.newFolder("in").toPath();
    for (int n = 0; n < 8; n++) {
      Path note = in.resolve(n % 2 == 0 ? "a/n" + n + ".txt" : "n" + n + ".txt");
      Files.createDirectories(note.getParent());
      Files.writeString(note, AnnotateCommandTest.NOTES[n % AnnotateCommandTest.NOTES.length] + "\n");
    }
    Path whole = temp.getRoot().toPath().resolve("whole");
    Path shards = temp.getRoot().toPath().resolve("shards");
    assertEquals(0, CliRun.run("annotate", "--in", in.toString(), "--out", whole.toString()).exitCode());
    int total = 0;
    for (int k = 1; k <= 3; k++) {
      CliRun.Result result = CliRun.run("annotate", "--in", in.toString(), "--out", shards.toString(),
          "--shard", k + "/3", "--threads", "1");
      assertEquals(result.toString(), 0, result.exitCode());
      assertTrue(result.out(), result.out().contains("of 8 notes (the others are in other shards)"));
      total += Integer.parseInt(result.out().replaceAll("(?s).*notes annotated\\s+(\\d+).*", "$1"));
    }
    assertEquals("each note annotated once", 8, total);
    List<Path> expected = xmi(whole);
    assertEquals(8, expected.size());
    assertEquals(expected.stream().map(whole::relativize).toList(), xmi(shards).stream().map(shards::relativize).toList());
    for (Path file : expected) {
      assertArrayEquals(file.toString(), Files.readAllBytes(file), Files.readAllBytes(shards.resolve(whole.relativize(file))));
    }
  }

  @Test
  public void aShardRemovesOnlyItsOwnNotesLeftoverTemporaries() throws Exception {
    Path out = temp.newFolder("out").toPath();
    NoteShard first = new NoteShard(1, 2);
    List<Path> ours = new ArrayList<>();
    List<Path> theirs = new ArrayList<>();
    for (int n = 0; n < 20; n++) {
      String id = "sub/n" + n;
      Path temporary = out.resolve("sub/.n" + n + ".xmi" + (1000 + n) + ".tmp");
      Files.createDirectories(temporary.getParent());
      Files.writeString(temporary, "half an XMI");
      (first.contains(id) ? ours : theirs).add(temporary);
    }
    assertFalse(ours.isEmpty() || theirs.isEmpty());
    int removed = CommandPaths.prepareOutputFolder(out, "--out", NoteShard.outputsOf(first, out));
    assertEquals(ours.size(), removed);
    assertTrue(ours.stream().noneMatch(Files::exists));
    assertTrue(theirs.stream().allMatch(Files::exists));
  }

  private static List<Path> xmi(Path folder) throws Exception {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> p.toString().endsWith(".xmi")).sorted().toList();
    }
  }
}
