package io.github.ctakesdtn.spark;

import io.github.ctakesdtn.cli.ErrorMessages;
import io.github.ctakesdtn.corpus.CasCorpusReader;
import io.github.ctakesdtn.uima.NoteAnnotator;
import java.io.ByteArrayInputStream;
import java.util.Iterator;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.TaskCompletionListener;
import org.apache.uima.cas.SerialFormat;
import org.apache.uima.fit.factory.JCasFactory;
import org.apache.uima.jcas.JCas;
import org.apache.uima.util.CasIOUtils;

/**
 * Annotates one partition of notes on an executor, one note at a time as Spark pulls rows: a
 * note's bytes are read when its turn comes and let go once its XMI is written, so a partition of
 * any size holds one note in memory. Each task (one executor thread) builds its own cTAKES
 * pipeline, or takes one an earlier task left ({@link NoteAnnotatorPool}); the model behind it is
 * loaded once per executor JVM and shared ({@code ModelRegistry}).
 * A note that fails is a row with its reason, never an exception that would fail the task and
 * with it every other note of the partition.
 */
final class PartitionAnnotator implements FlatMapFunction<Iterator<NoteTask>, Row> {
  private final String modelLocation;
  private final int batchSize;
  private final String xmiFolder;
  private final Broadcast<Map<String, String>> hadoopSettings;

  PartitionAnnotator(String modelLocation, int batchSize, String xmiFolder,
      Broadcast<Map<String, String>> hadoopSettings) {
    this.modelLocation = modelLocation;
    this.batchSize = batchSize;
    this.xmiFolder = xmiFolder;
    this.hadoopSettings = hadoopSettings;
  }

  @Override
  public Iterator<Row> call(Iterator<NoteTask> notes) throws Exception {
    Configuration conf = new Configuration(false);
    hadoopSettings.value().forEach(conf::set);
    return new Rows(notes, conf);
  }

  /** The lazy iterator: annotates a note each time Spark asks for the next row. */
  private final class Rows implements Iterator<Row> {
    private final Iterator<NoteTask> notes;
    private final Configuration conf;
    private final Path xmiRoot;
    private NoteAnnotator annotator;
    private String localModel;
    private JCas readBack;

    Rows(Iterator<NoteTask> notes, Configuration conf) {
      this.notes = notes;
      this.conf = conf;
      this.xmiRoot = new Path(xmiFolder);
    }

    @Override
    public boolean hasNext() {
      boolean more = notes.hasNext();
      if (!more) {
        close();
      }
      return more;
    }

    @Override
    public Row next() {
      NoteTask note = notes.next();
      try {
        return note.done() ? readBack(note) : annotate(note);
      } catch (Exception e) {
        return NoteTables.failedRow(note, ErrorMessages.rootMessage(e));
      }
    }

    private Row annotate(NoteTask note) throws Exception {
      Path source = new Path(note.source());
      byte[] content = HadoopFiles.readAll(HadoopFiles.fileSystem(source, conf), source);
      JCas jcas = annotator().annotate(note.source(), content, note.documentId());
      Path xmi = xmiPath(note);
      HadoopFiles.writeAtomically(HadoopFiles.fileSystem(xmi, conf), xmi,
          out -> CasIOUtils.save(jcas.getCas(), out, SerialFormat.XMI));
      return NoteTables.noteRow(note, NoteTables.ANNOTATED, jcas, annotator.replacedCharacters());
    }

    /** A note done in an earlier run: its mentions come from its XMI, so the tables cover every note. */
    private Row readBack(NoteTask note) throws Exception {
      Path xmi = xmiPath(note);
      if (readBack == null) {
        readBack = JCasFactory.createJCas();
      }
      readBack.reset();
      byte[] content = HadoopFiles.readAll(HadoopFiles.fileSystem(xmi, conf), xmi);
      CasCorpusReader.load(new ByteArrayInputStream(content), xmi.toString(), readBack);
      return NoteTables.noteRow(note, NoteTables.ALREADY_DONE, readBack, 0);
    }

    private Path xmiPath(NoteTask note) {
      return new Path(xmiRoot, note.documentId() + ".xmi");
    }

    private NoteAnnotator annotator() throws Exception {
      if (annotator == null) {
        localModel = ModelFiles.local(modelLocation);
        annotator = NoteAnnotatorPool.borrow(localModel, batchSize);
        TaskContext task = TaskContext.get();
        if (task != null) {
          // A task killed or failed before its last row still gives its pipeline back.
          task.addTaskCompletionListener((TaskCompletionListener) context -> close());
        }
      }
      return annotator;
    }

    private void close() {
      if (annotator != null) {
        NoteAnnotatorPool.giveBack(localModel, batchSize, annotator);
        annotator = null;
      }
    }
  }
}
