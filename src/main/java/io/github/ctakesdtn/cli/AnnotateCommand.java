package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.corpus.AtomicFiles;
import io.github.ctakesdtn.corpus.TextFiles;
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
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.uima.cas.SerialFormat;
import org.apache.uima.util.CasIOUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "annotate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Annotates a folder of notes with a ctakes-dtn model in a cTAKES pipeline (segmenter, sentence detector,"
            + " PTB tokenizer, DtnNerAnnotator) and writes one XMI per note.",
        "Plain-text notes (*.txt) and CAS files (*.xmi, *.xcas, *.bcas, *.bin; already tokenized ones keep their"
            + " sentences and tokens) are read. A rerun skips notes whose XMI exists. A note that cannot be read or"
            + " annotated is reported and counted, and the command then exits 1."})
final class AnnotateCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, paramLabel = "DIR", description = "Folder of notes (searched recursively).")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the XMI files.")
  Path output;

  @Option(names = "--model", paramLabel = "MODEL",
      description = "Model file, classpath:PATH or URL (default: the bundled model, ${DEFAULT-VALUE}).")
  String model = ModelRegistry.DEFAULT_MODEL;

  @Option(names = "--threads", paramLabel = "N", description = "Notes annotated at once (default: ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--batch-size", paramLabel = "N", description = "Sentences tagged together (default: ${DEFAULT-VALUE}).")
  int batchSize = 32;

  @Option(names = "--export", paramLabel = "FORMAT",
      description = "Also write the mentions as brat (NAME.txt + NAME.ann) or conll (NAME.conll, IOB2).")
  MentionExport.Format export;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(input)) {
      throw new IllegalArgumentException(input + ": not a folder");
    }
    ModelRegistry.tagger(model); // load once, and fail early on a bad model
    List<Path> notes = new ArrayList<>();
    int ignored = 0;
    for (Path file : TextFiles.listFiles(input, "")) {
      if (TextFiles.isNote(file)) {
        notes.add(file);
      } else {
        ignored++;
      }
    }
    AnnotationSummary summary = new AnnotationSummary();
    List<Path> todo = new ArrayList<>();
    for (Path note : notes) {
      if (Files.exists(xmiFor(note))) {
        summary.alreadyDone();
      } else {
        todo.add(note);
      }
    }
    ConcurrentLinkedQueue<Path> queue = new ConcurrentLinkedQueue<>(todo);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try (ProgressBar bar = progressBar(todo.size())) {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < Math.max(1, threads); t++) {
        workers.add(pool.submit(() -> work(queue, summary, bar)));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdown();
    }
    summary.print(System.out, ignored);
    System.out.println("XMI written to " + output);
    return summary.failures().isEmpty() ? 0 : 1;
  }

  private Void work(ConcurrentLinkedQueue<Path> queue, AnnotationSummary summary, ProgressBar bar) throws Exception {
    try (NoteAnnotator annotator = new NoteAnnotator(model, batchSize)) {
      summary.started();
      for (Path note = queue.poll(); note != null; note = queue.poll()) {
        try {
          var jcas = annotator.annotate(note, documentId(note));
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
    String relative = input.relativize(note).toString().replace('\\', '/');
    int dot = relative.lastIndexOf('.');
    return dot > relative.lastIndexOf('/') + 1 ? relative.substring(0, dot) : relative;
  }

  private Path xmiFor(Path note) {
    return output.resolve(documentId(note) + ".xmi");
  }

  private static ProgressBar progressBar(int total) {
    return System.console() == null || total == 0 ? null
        : new ProgressBarBuilder().setTaskName("annotating").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
            .setUnit(" notes", 1).build();
  }
}
