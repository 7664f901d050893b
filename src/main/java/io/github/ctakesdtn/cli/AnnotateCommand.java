package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.corpus.AtomicFiles;
import io.github.ctakesdtn.corpus.DocumentIds;
import io.github.ctakesdtn.uima.ModelRegistry;
import io.github.ctakesdtn.uima.NoteAnnotator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ProgressBar;
import org.apache.uima.cas.SerialFormat;
import org.apache.uima.util.CasIOUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "annotate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Annotates a folder of notes with a ctakes-dtn model in a cTAKES pipeline (segmenter, sentence detector,"
            + " PTB tokenizer, DtnNerAnnotator) and writes one XMI per note.",
        "Plain-text notes (*.txt) and CAS files (*.xmi, *.xcas, *.xml, *.bcas, *.bin; already tokenized ones keep their"
            + " sentences and tokens) are read. A rerun skips notes whose XMI exists. A note that cannot be read or"
            + " annotated is reported and counted, and the command then exits 1.",
        "Mentions this annotator added to an input CAS in an earlier run are replaced, not duplicated; other"
            + " annotations are kept. Characters XML 1.0 forbids (e.g. form feeds) are replaced by spaces, offsets"
            + " kept, and counted. --out must not be --in; files under --out are never read as notes. Temporary"
            + " files a killed run left in --out are removed. A rerun with another model than the one that wrote --out"
            + " (" + RunManifest.FILE + " records its SHA-256) annotates every note again."})
final class AnnotateCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, paramLabel = "DIR", description = "Folder of notes (searched recursively).")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the XMI files.")
  Path output;

  @Option(names = "--model", paramLabel = "MODEL",
      description = "Model file, classpath:PATH or URL (default: the bundled model, ${DEFAULT-VALUE}).")
  String model = ModelRegistry.DEFAULT_MODEL;

  @Option(names = "--threads", paramLabel = "N",
      description = "Notes annotated at once; at most one per note and two per processor (default: ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--batch-size", paramLabel = "N", description = "Sentences tagged together (default: ${DEFAULT-VALUE}).")
  int batchSize = 32;

  @Option(names = "--min-confidence", paramLabel = "P",
      description = "Leave out mentions whose confidence (the probability of the span) is below P, from 0 to 1"
          + " (default: ${DEFAULT-VALUE}, keep all).")
  double minConfidence = 0;

  @Option(names = "--export", paramLabel = "FORMAT",
      description = "Also write the mentions as brat (NAME.txt + NAME.ann) or conll (NAME.conll, IOB2).")
  MentionExport.Format export;

  @Option(names = "--shard", paramLabel = "K/N", converter = NoteShard.Converter.class,
      description = "Only the K-th of N parts of the notes (K = 1..N; a note's part comes from a hash of its path under"
          + " --in), to fan out over machines or batch jobs; the N runs may share --out.")
  NoteShard shard;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    OptionChecks.atLeast(spec, "--threads", threads, 1);
    OptionChecks.atLeast(spec, "--batch-size", batchSize, 1);
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--min-confidence': " + minConfidence + " (must be from 0 to 1)");
    }
    CommandPaths.requireFolder(input, "--in");
    CommandPaths.requireApart(input, output);
    NoteSelection selection = NoteSelection.of(input, output);
    int stale = CommandPaths.prepareOutputFolder(output, "--out", NoteShard.outputsOf(shard, output));
    ModelRegistry.tagger(model); // load once, and fail early on a bad model
    RunManifest manifest = RunManifest.forModel(model, minConfidence);
    boolean redoAll = manifest.start(output);
    AnnotationSummary summary = new AnnotationSummary();
    List<Path> todo = new ArrayList<>();
    int otherShards = 0;
    for (Path note : selection.notes()) {
      if (shard != null && !shard.contains(documentId(note))) {
        otherShards++;
        continue;
      }
      // Done only when everything asked for is there: a run killed between XMI and export redoes the note.
      if (!redoAll && Files.exists(xmiFor(note)) && MentionExport.exists(export, output.resolve(documentId(note)))) {
        summary.alreadyDone();
      } else {
        todo.add(note);
      }
    }
    // Each thread builds its own pipeline: threads beyond the notes, or far beyond the processors
    // (1000 ran out of memory), only cost memory.
    int cap = Math.min(todo.size(), 2 * Runtime.getRuntime().availableProcessors());
    int workerCount = Math.max(1, Math.min(threads, cap));
    ConcurrentLinkedQueue<Path> queue = new ConcurrentLinkedQueue<>(todo);
    ExecutorService pool = Executors.newFixedThreadPool(workerCount);
    try (ProgressBar bar = progressBar(todo.size())) {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < workerCount; t++) {
        workers.add(pool.submit(() -> work(queue, summary, bar)));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdown();
    }
    manifest.finish(output);
    summary.print(System.out, selection.ignored());
    if (redoAll) {
      System.out.println("model changed      --out was written with another model: every note annotated again");
    }
    if (shard != null) {
      System.out.printf("shard %-12s %,d of %,d notes (the others are in other shards)%n", shard,
          selection.notes().size() - otherShards, selection.notes().size());
    }
    if (selection.underOutput() > 0) {
      System.out.printf("files under --out  %,d (earlier output, not read as notes)%n", selection.underOutput());
    }
    if (stale > 0) {
      System.out.printf("stale temporaries  %,d removed (left by an interrupted run)%n", stale);
    }
    if (threads > workerCount) {
      System.out.printf("threads            %d (of %d asked: at most one per note and two per processor)%n",
          workerCount, threads);
    }
    System.out.println(summary.written() ? "XMI written to " + output : "no XMI written");
    return summary.failures().isEmpty() ? 0 : 1;
  }

  private Void work(ConcurrentLinkedQueue<Path> queue, AnnotationSummary summary, ProgressBar bar) throws Exception {
    try (NoteAnnotator annotator = new NoteAnnotator(model, batchSize, minConfidence)) {
      summary.started();
      for (Path note = queue.poll(); note != null; note = queue.poll()) {
        try {
          var jcas = annotator.annotate(note, documentId(note));
          summary.replaced(annotator.replacedCharacters());
          AtomicFiles.write(xmiFor(note), out -> CasIOUtils.save(jcas.getCas(), out, SerialFormat.XMI));
          if (export != null) {
            MentionExport.write(jcas, export, output.resolve(documentId(note)));
          }
          summary.annotated(jcas);
        } catch (Exception e) {
          summary.failed(note.toString(), ErrorMessages.rootMessage(e));
        }
        if (bar != null) {
          bar.step();
        }
      }
    }
    return null;
  }

  private String documentId(Path note) {
    return DocumentIds.of(input, note);
  }

  private Path xmiFor(Path note) {
    return output.resolve(documentId(note) + ".xmi");
  }

  private static ProgressBar progressBar(int total) {
    return total == 0 ? null : Progress.start("annotating", total, " notes", System.out);
  }
}
