package io.github.ctakesdtn.corpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
    return ofRelativePath(relative.toString().replace('\\', '/'));
  }

  /** The id of a file whose path under the input folder is {@code name} ('/'-separated). */
  public static String ofRelativePath(String name) {
    int dot = name.lastIndexOf('.');
    return dot > name.lastIndexOf('/') + 1 ? name.substring(0, dot) : name;
  }

  /** Throws, naming every clash, when two of {@code files} would get the same id. */
  public static void requireUnique(Path input, List<Path> files) throws CorpusFormatException {
    requireUnique(input.toString(), files, file -> of(input, file));
  }

  /** The same for files named otherwise (Hadoop paths), with their ids given by {@code idOf}. */
  public static <F> void requireUnique(String input, List<F> files, Function<F, String> idOf)
      throws CorpusFormatException {
    Map<String, List<F>> byId = new LinkedHashMap<>();
    for (F file : files) {
      byId.computeIfAbsent(idOf.apply(file), id -> new ArrayList<>()).add(file);
    }
    List<String> clashes = new ArrayList<>();
    byId.forEach((id, sources) -> {
      if (sources.size() > 1) {
        clashes.add(sources.stream().map(String::valueOf).reduce((a, b) -> a + " and " + b).orElseThrow()
            + " would both be document '" + id + "'");
      }
    });
    if (!clashes.isEmpty()) {
      throw new CorpusFormatException(input, "", "document names collide: " + String.join("; ", clashes)
          + " (one output would replace the other; rename or move one of each; nothing was done)", null);
    }
  }
}
