package io.github.ctakesdtn.train;

import io.github.ctakesdtn.model.CharContext;
import io.github.ctakesdtn.model.Network;
import io.github.ctakesdtn.nn.CharLanguageModel;
import io.github.ctakesdtn.nn.Gradients;
import io.github.ctakesdtn.nn.Optimizer;
import io.github.ctakesdtn.nn.Params;
import io.github.ctakesdtn.nn.Tensor;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains the two character language models of contextual embeddings ({@link CharContext}) on
 * unannotated text: each sentence, read as the tagger will read it ({@link CharContext#text}), is
 * one sequence (forward, and reversed for the backward model), so training and tagging both start
 * a sentence from the zero state. Adam on the mean cross-entropy per character of batches of
 * sentences, in a seeded order; the two models train side by side, one thread each.
 */
public final class CharLmTrainer {
  /**
   * @param hidden LSTM units of each model
   * @param passes passes over the text
   * @param batch sentences per update
   */
  public record Settings(int hidden, int passes, int batch, double learningRate, double clipNorm, long seed) {
    public static Settings defaults(int hidden, long seed) {
      return new Settings(hidden, 5, 16, 0.002, 5, seed);
    }
  }

  /** The trained models' parameters (tensors {@code charLm.*}), the text's size, and each model's last pass. */
  public record Trained(Params params, long characters, double forwardBits, double backwardBits) {}

  private CharLmTrainer() {}

  /** Trains the models on these sentences' text. */
  public static Trained train(List<List<String>> sentences, Settings settings, PrintStream out) throws Exception {
    Params params = new Params();
    CharContext context = new CharContext(params, settings.hidden());
    params.initialise(settings.seed());
    context.refresh();
    List<String> texts = new ArrayList<>();
    long chars = 0;
    for (List<String> sentence : sentences) {
      if (!sentence.isEmpty()) {
        String text = CharContext.text(sentence);
        texts.add(text);
        chars += text.length();
      }
    }
    List<String> reversed = texts.stream().map(t -> new StringBuilder(t).reverse().toString()).toList();
    long start = System.nanoTime();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Double> ahead = threads.submit(() -> train(context.forward(), params, texts, settings, settings.seed(),
          (pass, bits) -> out.printf("character language models: pass %d of %d, forward %.2f bits per character%n",
              pass, settings.passes(), bits)));
      Future<Double> behind = threads.submit(() -> train(context.backward(), params, reversed, settings,
          settings.seed() + 1, (pass, bits) -> {}));
      Trained trained = new Trained(params, chars, ahead.get(), behind.get());
      out.printf("character language models: %,d characters of text, %d passes, %.2f / %.2f bits per character"
          + " (forward / backward, last pass) in %.0fs%n", chars, settings.passes(), trained.forwardBits(),
          trained.backwardBits(), (System.nanoTime() - start) / 1e9);
      return trained;
    } finally {
      threads.shutdownNow();
    }
  }

  /** What a model reports after each pass: the pass (from 1) and its bits per character. */
  private interface PassListener {
    void passDone(int pass, double bits);
  }

  /** Trains one model; returns its last pass's bits per character. */
  private static double train(CharLanguageModel model, Params params, List<String> texts, Settings settings,
      long seed, PassListener listener) {
    Gradients grads = new Gradients(params);
    Optimizer optimizer = new Optimizer(params, true, settings.learningRate(), settings.clipNorm());
    SplittableRandom random = new SplittableRandom(seed);
    int[] order = new int[texts.size()];
    double bits = Double.NaN;
    for (int pass = 0; pass < settings.passes(); pass++) {
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
      double loss = 0;
      long predicted = 0;
      for (int first = 0; first < order.length; first += settings.batch()) {
        grads.clear(model.params());
        long batchChars = 0;
        for (int i = first; i < Math.min(order.length, first + settings.batch()); i++) {
          String text = texts.get(order[i]);
          loss += model.accumulate(text, grads);
          batchChars += text.length() - 1;
        }
        predicted += batchChars;
        scale(grads, model, 1.0f / Math.max(1, batchChars));
        optimizer.step(grads, model.params());
        model.refresh();
      }
      bits = loss / predicted / Math.log(2);
      listener.passDone(pass + 1, bits);
    }
    return bits;
  }

  private static void scale(Gradients grads, CharLanguageModel model, float factor) {
    model.params().forEach(p -> {
      for (float[] row : grads.of(p)) {
        for (int i = 0; i < row.length; i++) {
          row[i] *= factor;
        }
      }
    });
  }

  /** Copies trained models' values into a network with contextual embeddings of their size. */
  public static void copyInto(Params trained, Network network) {
    Params params = network.params();
    for (Tensor tensor : trained.tensors()) {
      params.setValues(params.tensor(tensor.name()), trained.values(tensor));
    }
    network.contextChanged();
  }
}
