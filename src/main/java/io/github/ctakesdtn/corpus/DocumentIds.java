package io.github.ctakesdtn.corpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Document ids, which are also output file names: the input file's path under the input folder,
 * without its extension, so {@code sub1/train.tsv} and {@code sub2/train.tsv} stay two documents.
 * Two inputs that would still share an id ({@code good.txt} and {@code good.xmi}) are refused
 * before any work, since one output would silently replace the other.
 */
public final class DocumentIds {
  private DocumentIds() {}

  /** The id of {@code file} read from {@code input} (a folder, or the file itself). */
  public static String of(Path input, Path file) {
    Path relative = Files.isDirectory(input) ? input.relativize(file) : file.getFileName();
    String name = relative.toString().replace('\\', '/');
    int dot = name.lastIndexOf('.');
    return dot > name.lastIndexOf('/') + 1 ? name.substring(0, dot) : name;
  }

  /** Throws, naming every clash, when two of {@code files} would get the same id. */
  public static void requireUnique(Path input, List<Path> files) throws CorpusFormatException {
    Map<String, List<Path>> byId = new LinkedHashMap<>();
    for (Path file : files) {
      byId.computeIfAbsent(of(input, file), id -> new ArrayList<>()).add(file);
    }
    List<String> clashes = new ArrayList<>();
    byId.forEach((id, sources) -> {
      if (sources.size() > 1) {
        clashes.add(sources.stream().map(Path::toString).reduce((a, b) -> a + " and " + b).orElseThrow()
            + " would both be document '" + id + "'");
      }
    });
    if (!clashes.isEmpty()) {
      throw new CorpusFormatException(input, "", "document names collide: " + String.join("; ", clashes)
          + " (one output would replace the other; rename or move one of each; nothing was done)");
    }
  }
}
