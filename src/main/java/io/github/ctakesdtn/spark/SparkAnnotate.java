package io.github.ctakesdtn.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import io.github.ctakesdtn.cli.ErrorMessages;
import io.github.ctakesdtn.cli.Logging;
import io.github.ctakesdtn.cli.RunManifest;
import io.github.ctakesdtn.corpus.CorpusFormatException;
import io.github.ctakesdtn.uima.ModelRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code annotate} on Apache Spark: notes from any Hadoop path (local, HDFS, S3, ...) annotated by
 * the executors, with the outputs of {@code annotate} plus two tables. Under {@code --out}:
 * <ul>
 *   <li>{@code xmi/}: one XMI per note, written atomically, named and resumed exactly as
 *       {@code annotate --out} does (same manifest), so either can finish the other's run;</li>
 *   <li>{@code mentions/}: Parquet, one row per mention of every note (those done in earlier runs
 *       read back from their XMI): note id, offsets, covered text, cTAKES type, label, confidence,
 *       model id (the model file's SHA-256);</li>
 *   <li>{@code failures/}: Parquet, every note that could not be read or annotated, with the reason;</li>
 *   <li>{@code summary.json}: what the run did, also printed by the driver.</li>
 * </ul>
 * Run with {@code spark-submit --class io.github.ctakesdtn.spark.SparkAnnotate} (docs/spark.md).
 */
@Command(
    name = "SparkAnnotate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Annotates notes (plain text *.txt or CAS files, searched recursively under --in) on Spark with a ctakes-dtn"
            + " model and writes XMI per note, a mentions table and a failures table (Parquet) and a summary under"
            + " --out. A rerun skips notes whose XMI exists and exits 1 when a note failed."})
public final class SparkAnnotate implements Callable<Integer> {
  /** Notes per Spark task by default: enough to make a pipeline's start-up (about a second) negligible. */
  static final int NOTES_PER_TASK = 500;

  /** The per-note rows' folder under --out until the run ends; not "_" or "." (Spark's readers skip such names). */
  private static final String STAGING = "staging-";

  @Option(names = "--in", required = true, paramLabel = "PATH",
      description = "Folder of notes: a local path or any Hadoop URI (hdfs://, s3a://, ...).")
  String input;

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "Output folder (Hadoop URI or local path): xmi/, mentions/, failures/, summary.json.")
  String output;

  @Option(names = "--model", paramLabel = "MODEL",
      description = "Model file: a path every executor can read, the name of a file shipped with spark-submit --files,"
          + " classpath:PATH or a URL (default: the bundled model).")
  String model = ModelRegistry.DEFAULT_MODEL;

  @Option(names = "--batch-size", paramLabel = "N", description = "Sentences tagged together (default: ${DEFAULT-VALUE}).")
  int batchSize = 32;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Spark tasks to split the notes into (default: one per " + NOTES_PER_TASK
          + " notes, at least one per executor core).")
  Integer partitions;

  @Spec CommandSpec spec;

  private final SparkSession spark;

  private SparkAnnotate(SparkSession spark) {
    this.spark = spark;
  }

  public static void main(String[] args) {
    Logging.quiet();
    SparkSession spark = SparkSession.builder().appName("ctakes-dtn annotate").getOrCreate();
    int code;
    try {
      code = run(spark, args);
    } finally {
      spark.stop();
    }
    System.exit(code);
  }

  /** Runs the job in a session the caller owns; returns the exit code (0, 1 some note failed or error, 2 usage). */
  public static int run(SparkSession spark, String... args) {
    return new CommandLine(new SparkAnnotate(spark))
        .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + ErrorMessages.forCommand(e));
          return 1;
        })
        .execute(args);
  }

  @Override
  public Integer call() throws Exception {
    if (batchSize < 1 || partitions != null && partitions < 1) {
      throw new ParameterException(spec.commandLine(), "--batch-size and --partitions must be at least 1");
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Path in = new Path(input);
    Path out = new Path(output);
    Path xmi = new Path(out, "xmi");
    FileSystem inFs = HadoopFiles.fileSystem(in, hadoop);
    FileSystem outFs = HadoopFiles.fileSystem(out, hadoop);
    requireApart(inFs.makeQualified(in), outFs.makeQualified(out));

    String driverModel = ModelFiles.local(model);
    ModelRegistry.tagger(driverModel); // fail before any task on a bad model
    RunManifest manifest = RunManifest.forModel(model, driverModel);
    outFs.mkdirs(xmi);
    Path manifestFile = new Path(xmi, RunManifest.FILE);
    boolean redoAll = manifest.redoAllAfter(
        outFs.exists(manifestFile) ? HadoopFiles.readString(outFs, manifestFile) : null);
    HadoopFiles.writeAtomically(outFs, manifestFile, o -> o.write(manifest.json(redoAll)));

    NoteListing listing = NoteListing.of(inFs, in, outFs, xmi, redoAll);
    for (FileStatus leftover : outFs.listStatus(out, p -> p.getName().startsWith(STAGING))) {
      outFs.delete(leftover.getPath(), true); // a killed run's staging table
    }
    int slices = partitions != null ? partitions
        : Math.max(context.defaultParallelism(), (listing.notes().size() + NOTES_PER_TASK - 1) / NOTES_PER_TASK);
    Broadcast<Map<String, String>> settings = context.broadcast(settingsOf(hadoop));
    JavaRDD<Row> rows = context.parallelize(listing.notes(), Math.max(1, slices))
        .mapPartitions(new PartitionAnnotator(model, batchSize, outFs.makeQualified(xmi).toString(), settings));

    // The one pass that annotates: its rows are written once and every other output is read from them.
    Path staging = new Path(out, STAGING + spark.sparkContext().applicationId());
    long start = System.nanoTime();
    spark.createDataFrame(rows, NoteTables.NOTE).write().mode(SaveMode.Overwrite).parquet(staging.toString());
    double seconds = (System.nanoTime() - start) / 1e9;
    settings.destroy();

    Dataset<Row> notes = spark.read().parquet(staging.toString());
    Dataset<Row> mentions = notes.select(col("note_id"), explode(col("mentions")).as("m"))
        .select(col("note_id"), col("m.begin"), col("m.end"), col("m.covered_text"), col("m.ctakes_type"),
            col("m.label"), col("m.confidence"), lit(manifest.modelSha256()).as("model_id"));
    mentions.write().mode(SaveMode.Overwrite).parquet(new Path(out, "mentions").toString());
    notes.filter(col("status").equalTo(NoteTables.FAILED))
        .select(col("note_id"), col("source"), col("error").as("reason"))
        .write().mode(SaveMode.Overwrite).parquet(new Path(out, "failures").toString());

    RunSummary summary = RunSummary.of(notes, mentions, listing, seconds, manifest.modelSha256());
    outFs.delete(staging, true);
    HadoopFiles.writeAtomically(outFs, new Path(out, "summary.json"),
        o -> o.write(summary.json().getBytes(StandardCharsets.UTF_8)));
    HadoopFiles.writeAtomically(outFs, manifestFile, o -> o.write(manifest.json(false)));
    summary.print(System.out);
    if (redoAll) {
      System.out.println("model changed      the XMI folder was written with another model: every note annotated again");
    }
    System.out.println("written to " + outFs.makeQualified(out));
    return summary.failed() == 0 ? 0 : 1;
  }

  private static void requireApart(Path in, Path out) throws CorpusFormatException {
    String i = in.toUri().toString();
    String o = out.toUri().toString();
    if (i.equals(o) || i.startsWith(o.endsWith("/") ? o : o + "/")) {
      throw new CorpusFormatException(out.toString(), "", "--out is or holds the --in folder: outputs would mix with"
          + " the notes; choose another folder", null);
    }
  }

  /**
   * The driver's Hadoop settings (credentials and endpoints given with --conf spark.hadoop.*
   * included), for the executors to open the same file systems the same way.
   */
  private static Map<String, String> settingsOf(Configuration hadoop) {
    Map<String, String> settings = new HashMap<>();
    hadoop.forEach(entry -> settings.put(entry.getKey(), entry.getValue()));
    return settings;
  }
}
