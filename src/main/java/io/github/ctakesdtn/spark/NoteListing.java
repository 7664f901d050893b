package io.github.ctakesdtn.spark;

import io.github.ctakesdtn.corpus.CorpusFormatException;
import io.github.ctakesdtn.corpus.DocumentIds;
import io.github.ctakesdtn.corpus.TextFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * What the driver lists before any note is read: the notes under the input folder (plain text and
 * CAS files, recursively, the same selection and document ids as {@code annotate}), and the notes
 * whose XMI the output folder already holds. Listing costs one request per thousand files on an
 * object store, and the notes' paths and ids (a few hundred bytes per note) are all the driver keeps.
 */
record NoteListing(List<NoteTask> notes, int ignored, int underOutput, int alreadyDone, int staleTemporaries) {
  /** The names {@code AtomicFiles} and {@link HadoopFiles} give their temporaries. */
  private static final Pattern TEMPORARY = Pattern.compile("\\..+\\D\\d+\\.tmp");

  /**
   * Lists {@code input} and {@code xmiFolder}. Temporaries a killed run left in {@code xmiFolder}
   * are removed (no other run may be writing there). With {@code redoAll} no note counts as done.
   */
  static NoteListing of(FileSystem inFs, Path input, FileSystem outFs, Path xmiFolder, boolean redoAll)
      throws IOException {
    Path root = inFs.makeQualified(input);
    if (!inFs.exists(root)) {
      throw new CorpusFormatException(root.toString(), "", "no such folder (--in)", null);
    }
    if (!inFs.getFileStatus(root).isDirectory()) {
      throw new CorpusFormatException(root.toString(), "", "not a folder (--in takes a folder)", null);
    }
    Path outRoot = outFs.makeQualified(xmiFolder.getParent());
    Set<String> done = new HashSet<>();
    int stale = 0;
    if (outFs.exists(xmiFolder)) {
      String xmiRoot = outFs.makeQualified(xmiFolder).toUri().getPath();
      for (Path file : list(outFs, xmiFolder)) {
        String name = file.getName();
        if (TEMPORARY.matcher(name).matches()) {
          stale += outFs.delete(file, false) ? 1 : 0;
        } else if (name.endsWith(".xmi")) {
          done.add(DocumentIds.ofRelativePath(relative(xmiRoot, file)));
        }
      }
    }
    List<Path> notes = new ArrayList<>();
    int ignored = 0;
    int underOutput = 0;
    String rootPath = root.toUri().getPath();
    for (Path file : list(inFs, root)) {
      if (isWithin(file, outRoot)) {
        underOutput++;
      } else if (TextFiles.isNote(java.nio.file.Path.of(file.getName()))) {
        notes.add(file);
      } else {
        ignored++;
      }
    }
    DocumentIds.requireUnique(root.toString(), notes, f -> DocumentIds.ofRelativePath(relative(rootPath, f)));
    List<NoteTask> tasks = new ArrayList<>(notes.size());
    int alreadyDone = 0;
    for (Path file : notes) {
      String id = DocumentIds.ofRelativePath(relative(rootPath, file));
      boolean isDone = !redoAll && done.contains(id);
      alreadyDone += isDone ? 1 : 0;
      tasks.add(new NoteTask(file.toString(), id, isDone));
    }
    return new NoteListing(tasks, ignored, underOutput, alreadyDone, stale);
  }

  /**
   * Regular files under {@code folder}, recursively, sorted by path (the order {@code annotate}
   * reads them in). Only the paths are kept: a listed status also carries block locations.
   */
  private static List<Path> list(FileSystem fs, Path folder) throws IOException {
    List<Path> files = new ArrayList<>();
    if (fs instanceof RawLocalFileSystem local) {
      // Hadoop's listing of a local folder starts an `ls -ld` process per file (for permissions
      // nobody reads here) when its native library is absent: minutes for a large folder.
      try (Stream<java.nio.file.Path> walk = Files.walk(local.pathToFile(folder).toPath())) {
        walk.filter(Files::isRegularFile).forEach(f -> files.add(fs.makeQualified(new Path(f.toUri()))));
      }
      files.sort(Comparator.comparing(Path::toString));
      return files;
    }
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(folder, true);
    while (it.hasNext()) {
      LocatedFileStatus file = it.next();
      if (file.isFile()) {
        files.add(file.getPath());
      }
    }
    files.sort(Comparator.comparing(Path::toString));
    return files;
  }

  private static String relative(String rootPath, Path file) {
    String path = file.toUri().getPath();
    String prefix = rootPath.endsWith("/") ? rootPath : rootPath + "/";
    return path.startsWith(prefix) ? path.substring(prefix.length()) : file.getName();
  }

  private static boolean isWithin(Path file, Path folder) {
    String f = file.toUri().toString();
    String d = folder.toUri().toString();
    return f.equals(d) || f.startsWith(d.endsWith("/") ? d : d + "/");
  }
}
