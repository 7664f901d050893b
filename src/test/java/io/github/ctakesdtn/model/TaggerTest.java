package io.github.ctakesdtn.model;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.Test;

public class TaggerTest {
  @Test
  public void fourThreadsOnOneTaggerGiveWhatOneThreadGivesWhateverTheBatchSize() throws Exception {
    Tagger tagger = new Tagger(ModelFileTest.randomModel());
    List<List<String>> sentences = new ArrayList<>();
    for (LabeledSentence sentence : SyntheticCorpus.sentences(40, 9)) {
      sentences.add(sentence.tokens());
    }
    List<List<TaggedSpan>> expected = tagger.tag(sentences, 40);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<List<TaggedSpan>>>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int batchSize = 1 + i;
        results.add(pool.submit(() -> tagger.tag(sentences, batchSize)));
      }
      for (Future<List<List<TaggedSpan>>> result : results) {
        assertEquals(expected, result.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  public void emptySentencesGetNoMentions() {
    Tagger tagger = new Tagger(ModelFileTest.randomModel());
    List<List<TaggedSpan>> tagged = tagger.tag(List.of(List.of(), List.of("fever"), List.of()));
    assertEquals(3, tagged.size());
    assertEquals(List.of(), tagged.get(0));
    assertEquals(List.of(), tagged.get(2));
  }
}
