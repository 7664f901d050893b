package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.corpus.DocumentIds;
import io.github.ctakesdtn.corpus.TextFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The notes an annotate run reads: plain-text and CAS files under the input folder. Files under
 * the output folder (when it lies inside the input folder) are this command's own earlier output,
 * not notes, so they are left out; notes that would share an output name are refused before any
 * work.
 */
record NoteSelection(List<Path> notes, int ignored, int underOutput) {
  static NoteSelection of(Path input, Path output) throws IOException {
    List<Path> notes = new ArrayList<>();
    int ignored = 0;
    int underOutput = 0;
    for (Path file : TextFiles.listFiles(input, "")) {
      if (CommandPaths.isWithin(file, output)) {
        underOutput++;
      } else if (TextFiles.isNote(file)) {
        notes.add(file);
      } else {
        ignored++;
      }
    }
    DocumentIds.requireUnique(input, notes);
    return new NoteSelection(notes, ignored, underOutput);
  }
}
