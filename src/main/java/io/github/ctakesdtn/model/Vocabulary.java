package io.github.ctakesdtn.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Symbols (word forms or characters) to dense indices. Index 0 is padding and index 1 stands for
 * every unknown symbol; known symbols follow in the order they were added.
 */
public final class Vocabulary {
  public static final int PADDING = 0;
  public static final int UNKNOWN = 1;
  static final String PADDING_SYMBOL = "<pad>";
  static final String UNKNOWN_SYMBOL = "<unk>";

  private final List<String> symbols;
  private final Map<String, Integer> indices;

  public Vocabulary(List<String> known) {
    symbols = new ArrayList<>();
    symbols.add(PADDING_SYMBOL);
    symbols.add(UNKNOWN_SYMBOL);
    indices = new HashMap<>();
    for (String symbol : known) {
      if (!indices.containsKey(symbol) && !symbol.equals(PADDING_SYMBOL) && !symbol.equals(UNKNOWN_SYMBOL)) {
        indices.put(symbol, symbols.size());
        symbols.add(symbol);
      }
    }
  }

  /** Reads back {@link #symbols()} as saved: the first two entries are the reserved ones. */
  public static Vocabulary fromSymbols(List<String> saved) {
    if (saved.size() < 2 || !saved.get(0).equals(PADDING_SYMBOL) || !saved.get(1).equals(UNKNOWN_SYMBOL)) {
      throw new IllegalArgumentException("a vocabulary must start with " + PADDING_SYMBOL + " and " + UNKNOWN_SYMBOL);
    }
    return new Vocabulary(saved.subList(2, saved.size()));
  }

  public int index(String symbol) {
    return indices.getOrDefault(symbol, UNKNOWN);
  }

  /** The index of every char value (a character vocabulary's symbols are single chars). */
  public int[] indexOfEveryChar() {
    int[] table = new int[Character.MAX_VALUE + 1];
    for (int ch = 0; ch <= Character.MAX_VALUE; ch++) {
      table[ch] = index(String.valueOf((char) ch));
    }
    return table;
  }

  public boolean contains(String symbol) {
    return indices.containsKey(symbol);
  }

  public int size() {
    return symbols.size();
  }

  public String symbol(int index) {
    return symbols.get(index);
  }

  /** All symbols, reserved ones first, as saved in a model file. */
  public List<String> symbols() {
    return Collections.unmodifiableList(symbols);
  }
}
