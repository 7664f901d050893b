package io.github.ctakesdtn.spark;

import io.github.ctakesdtn.uima.NoteAnnotator;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.apache.uima.UIMAException;

/**
 * The cTAKES pipelines of one executor JVM, kept between tasks: a task borrows one for its
 * partition and gives it back when it ends, and the next task on the executor takes it instead of
 * building another. Building one (sentence detector, tokenizer, the tagger's engine) costs about a
 * second of CPU, which a job of many partitions would otherwise pay once per partition. A pipeline
 * is used by one task at a time, so the pool never holds more than the executor's cores.
 */
final class NoteAnnotatorPool {
  private static final Map<String, Deque<NoteAnnotator>> IDLE = new HashMap<>();

  private NoteAnnotatorPool() {}

  static NoteAnnotator borrow(String modelLocation, int batchSize) throws UIMAException {
    synchronized (IDLE) {
      Deque<NoteAnnotator> idle = IDLE.get(key(modelLocation, batchSize));
      if (idle != null && !idle.isEmpty()) {
        return idle.pop();
      }
    }
    return new NoteAnnotator(modelLocation, batchSize, 0);
  }

  static void giveBack(String modelLocation, int batchSize, NoteAnnotator annotator) {
    synchronized (IDLE) {
      IDLE.computeIfAbsent(key(modelLocation, batchSize), k -> new ArrayDeque<>()).push(annotator);
    }
  }

  private static String key(String modelLocation, int batchSize) {
    return batchSize + " " + modelLocation;
  }
}
