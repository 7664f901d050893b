package io.github.ctakesdtn.model;

import io.github.ctakesdtn.nn.CharLanguageModel;
import io.github.ctakesdtn.nn.Param;
import io.github.ctakesdtn.nn.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * Contextual string embeddings (Akbik et al. 2018): a sentence's tokens are read as one string,
 * by a forward character language model left to right and a backward one right to left; a
 * token's embedding is the forward model's state after the token's last character followed by
 * the backward model's state after its first. The same word thus gets a different embedding in
 * each context. Tensors {@code charLm.forward.*} and {@code charLm.backward.*}; the tagger's
 * training leaves them as they are.
 */
public final class CharContext {
  private final CharLanguageModel forward;
  private final CharLanguageModel backward;

  public CharContext(Params params, int hidden) {
    this.forward = new CharLanguageModel(params, "charLm.forward", hidden);
    this.backward = new CharLanguageModel(params, "charLm.backward", hidden);
  }

  public CharLanguageModel forward() {
    return forward;
  }

  public CharLanguageModel backward() {
    return backward;
  }

  public List<Param> params() {
    List<Param> both = new ArrayList<>(forward.params());
    both.addAll(backward.params());
    return both;
  }

  /** Values per token. */
  public int size() {
    return 2 * forward.hidden();
  }

  public void refresh() {
    forward.refresh();
    backward.refresh();
  }

  /**
   * The text both models read for a sentence, and train on: its tokens separated by single
   * spaces, with a space before and after.
   */
  public static String text(List<String> tokens) {
    StringBuilder text = new StringBuilder(" ");
    for (String token : tokens) {
      text.append(token).append(' ');
    }
    return text.toString();
  }

  /** The contextual embeddings of a sentence's tokens [tokens][{@link #size()}]. */
  public float[][] embed(List<String> tokens) {
    String text = text(tokens);
    float[][] ahead = forward.states(text);
    float[][] behind = backward.states(new StringBuilder(text).reverse());
    int hidden = forward.hidden();
    int last = text.length() - 1;
    float[][] rows = new float[tokens.size()][2 * hidden];
    int start = 1;
    for (int t = 0; t < tokens.size(); t++) {
      int end = start + Math.max(1, tokens.get(t).length()) - 1;
      System.arraycopy(ahead[end], 0, rows[t], 0, hidden);
      System.arraycopy(behind[last - start], 0, rows[t], hidden, hidden);
      start += tokens.get(t).length() + 1;
    }
    return rows;
  }
}
