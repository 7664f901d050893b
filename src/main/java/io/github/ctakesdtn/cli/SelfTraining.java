package io.github.ctakesdtn.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.ctakesdtn.corpus.Document;
import io.github.ctakesdtn.corpus.Sentence;
import io.github.ctakesdtn.model.LabeledSentence;
import io.github.ctakesdtn.model.TaggedSpan;
import io.github.ctakesdtn.model.Tagger;
import io.github.ctakesdtn.model.TaggerModel;
import io.github.ctakesdtn.train.HistoryRecorder;
import io.github.ctakesdtn.train.SchemeTrainer;
import io.github.ctakesdtn.train.SentenceEvaluation;
import io.github.ctakesdtn.vectors.UnlabelledNotes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Self-training, what {@code train} does after the first model from a trained start: a teacher (by
 * default the {@link ContextualTeacher}, itself self-trained this way; with {@code --teacher none} the
 * first model) tags sentences nobody annotated (the training sentences a {@code --sample}
 * left out, and the notes of {@code --unlabelled}), a new model, from the same start, trains on its
 * mentions beside the annotated sentences (the tags it is unsure of left open, {@link #OPEN_BELOW}),
 * and, kept, tags them for the next round. Measured at 10% of
 * ncbi-disease, three seeds: one round +1.4 test F1 over the first model, two rounds +2.3
 * (docs/benchmarks.md).
 */
final class SelfTraining {
  /**
   * At most this many unannotated sentences per annotated one, so that the second phase costs at
   * most about ten times the first (ncbi-disease's 10% sample has 9 left-out sentences per kept one).
   */
  static final int UNANNOTATED_PER_ANNOTATED = 10;

  private SelfTraining() {}

  /** The unannotated sentences drawn for the second model, and how many of the notes were read for them. */
  record Unannotated(List<List<String>> sentences, int notesRead, int notes) {}

  /**
   * The unannotated sentences: those of the training corpus that are neither trained on nor held out
   * for dev (with {@code --sample}, the ones it left out), then those of the notes; a seeded sample of
   * {@link #UNANNOTATED_PER_ANNOTATED} per annotated sentence when there are more. The notes are read in
   * a seeded random order only until they hold that many sentences, so that a folder of a million notes
   * costs what the sample needs; when they hold fewer, every note is read and the result is the same as
   * reading them in order.
   */
  static Unannotated draw(TrainingData.Split split, List<Path> notes, long seed) throws Exception {
    long cap = (long) UNANNOTATED_PER_ANNOTATED * split.train().size();
    List<Path> files = UnlabelledNotes.files(notes, "--unlabelled");
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    Map<Integer, List<List<String>>> read = new TreeMap<>(); // by the note's place in the folder
    long found = 0;
    try (UnlabelledNotes reader = new UnlabelledNotes()) {
      for (int index : order) {
        if (found >= cap) {
          break;
        }
        List<List<String>> sentences = sentencesOf(reader, files.get(index));
        read.put(index, sentences);
        found += sentences.size();
      }
    }
    List<List<String>> pool = leftOut(split);
    read.values().forEach(pool::addAll);
    return new Unannotated(capped(pool, split.train().size(), seed), read.size(), files.size());
  }

  private static List<List<String>> leftOut(TrainingData.Split split) {
    Set<LabeledSentence> used = Collections.newSetFromMap(new IdentityHashMap<>());
    used.addAll(split.train());
    used.addAll(split.dev());
    List<List<String>> pool = new ArrayList<>();
    for (LabeledSentence sentence : split.all()) {
      if (!used.contains(sentence)) {
        pool.add(sentence.tokens());
      }
    }
    return pool;
  }

  static List<List<String>> sentencesOf(UnlabelledNotes reader, Path note) throws Exception {
    Document document = reader.read(note);
    List<List<String>> sentences = new ArrayList<>();
    for (Sentence sentence : document.sentences()) {
      List<String> tokens = LabeledSentence.tokensOf(document, sentence);
      if (!tokens.isEmpty()) {
        sentences.add(tokens);
      }
    }
    return sentences;
  }

  /** The pool, or a seeded sample of {@link #UNANNOTATED_PER_ANNOTATED} sentences per annotated one when it holds more. */
  static List<List<String>> capped(List<List<String>> pool, int annotated, long seed) {
    long cap = (long) UNANNOTATED_PER_ANNOTATED * annotated;
    if (pool.size() <= cap) {
      return pool;
    }
    List<List<String>> shuffled = new ArrayList<>(pool);
    Collections.shuffle(shuffled, new Random(seed));
    return shuffled.subList(0, (int) cap);
  }

  /**
   * The default of {@code --self-training-open-below}: tokens whose tag the tagger gives a marginal
   * probability under this are left open in its sentences, so the new model does not learn the guesses
   * the tagger was unsure of. Measured at 10% of neurotrialner (+1.05 test F1) and of ncbi-disease
   * (+0.45 dev F1), three seeds (docs/benchmarks.md).
   */
  static final double OPEN_BELOW = 0.9;

  /**
   * How self-training runs: at most {@code maxRounds} rounds, tags under {@code openBelow} left open;
   * {@code stage} names it on the console ("self-training", or the contextual teacher's).
   */
  record Settings(int maxRounds, double openBelow, String stage) {
    Settings(int maxRounds, double openBelow) {
      this(maxRounds, openBelow, "self-training");
    }
  }

  /** A trained run and its history: the first model, or a round's. */
  record Trained(SchemeTrainer.Outcome outcome, HistoryRecorder history) {}

  /** Trains round {@code round}'s model on these sentences, with its own checkpoint and progress. */
  interface RoundTrainer {
    Trained train(int round, List<LabeledSentence> sentences) throws IOException;
  }

  /**
   * Self-training in rounds: the best model so far (in the first round the first model, or the
   * teacher) tags the unannotated sentences, and a new run from the same start trains on its mentions
   * beside the annotated sentences. A round's model is kept when its dev F1 is at least the best so far
   * (model selection, as between epochs); the rounds stop after {@code maxRounds} or at the first round
   * not kept, whose successor would learn from the same mentions again. Returns the model kept; the
   * provenance records every round.
   */
  static Trained inRounds(RoundTrainer trainer, Trained first, TaggerModel teacher, List<LabeledSentence> dev,
      List<List<String>> unannotated, List<LabeledSentence> annotated, Settings settings, JsonObject provenance,
      PrintStream console) throws IOException {
    Trained best = first;
    String bestName = "the first model";
    TaggerModel tagger = teacher != null ? teacher : first.outcome().model();
    double taggerDevF1 = teacher != null
        ? SentenceEvaluation.evaluate("dev", new Tagger(teacher), dev).exact().micro().f1() : first.outcome().devF1();
    String taggerName = teacher != null ? "the teacher" : bestName;
    JsonObject record = new JsonObject();
    record.addProperty("unannotatedSentences", unannotated.size());
    record.addProperty("openBelow", settings.openBelow());
    record.addProperty("firstDevF1", first.outcome().devF1());
    record.addProperty("kept", "first");
    JsonArray rounds = new JsonArray();
    record.add("rounds", rounds);
    provenance.add("selfTraining", record);
    for (int round = 1; round <= settings.maxRounds(); round++) {
      List<LabeledSentence> silver = tagged(tagger, unannotated, settings.openBelow());
      long mentions = silver.stream().mapToLong(sentence -> sentence.spans().size()).sum();
      long openTokens = silver.stream().mapToLong(sentence -> sentence.openTokens().size()).sum();
      long tokens = silver.stream().mapToLong(sentence -> sentence.tokens().size()).sum();
      console.printf("%s, round %d: %s (dev F1 %.2f) found %,d mentions in %,d unannotated sentences,"
          + " unsure of %,d of their %,d tokens (left open); a new model trains on them and the %,d annotated ones"
          + " (--no-self-training stops at the first model)%n",
          settings.stage(), round, taggerName, 100 * taggerDevF1, mentions, silver.size(), openTokens, tokens, annotated.size());
      List<LabeledSentence> both = new ArrayList<>(annotated);
      both.addAll(silver);
      Trained trained = trainer.train(round, both);
      double devF1 = trained.outcome().devF1();
      double bestDevF1 = best.outcome().devF1();
      boolean kept = devF1 >= bestDevF1;
      console.printf("%s, round %d: kept %s (dev F1 %.2f; %s %.2f)%n", settings.stage(), round, kept ? "its model" : bestName,
          100 * Math.max(devF1, bestDevF1), kept ? "the best before, " + bestName + "," : "this round's",
          100 * (kept ? bestDevF1 : devF1));
      JsonObject entry = new JsonObject();
      entry.addProperty("round", round);
      entry.addProperty("tagger", taggerName);
      entry.addProperty("taggerDevF1", taggerDevF1);
      entry.addProperty("mentionsFound", mentions);
      entry.addProperty("openTokens", openTokens);
      entry.addProperty("devF1", devF1);
      entry.addProperty("kept", kept);
      rounds.add(entry);
      if (!kept) {
        break;
      }
      best = trained;
      bestName = "round " + round + "'s model";
      record.addProperty("kept", "round " + round);
      tagger = trained.outcome().model();
      taggerDevF1 = devF1;
      taggerName = bestName;
    }
    return best;
  }

  /**
   * The sentences with the mentions the model finds in them, as training sentences; the tokens whose
   * tags it gives a marginal probability under {@code openBelow} are left open.
   */
  static List<LabeledSentence> tagged(TaggerModel model, List<List<String>> sentences, double openBelow) {
    List<Tagger.TaggedTokens> tagged = new Tagger(model).tagTokens(sentences, 64);
    List<LabeledSentence> result = new ArrayList<>(sentences.size());
    for (int i = 0; i < sentences.size(); i++) {
      Tagger.TaggedTokens tokens = tagged.get(i);
      List<Integer> open = new ArrayList<>();
      for (int t = 0; t < tokens.tagProbabilities().length; t++) {
        if (tokens.tagProbabilities()[t] < openBelow) {
          open.add(t);
        }
      }
      result.add(new LabeledSentence(sentences.get(i), tokens.spans().stream().map(TaggedSpan::span).toList(), open));
    }
    return result;
  }
}
