package io.github.ctakesdtn.cli;

import io.github.ctakesdtn.corpus.CorpusLoader;
import io.github.ctakesdtn.corpus.Document;
import io.github.ctakesdtn.model.ModelFile;
import io.github.ctakesdtn.model.Tagger;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "tag",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Tags a tokenized corpus (CAS files with cTAKES Sentence and BaseToken annotations, or a CoNLL file) with a"
            + " model and writes XMI holding the predicted mentions (discoveryTechnique = explicit annotator, with"
            + " confidences) instead of any gold ones. The output is ready for evaluate --pred."})
final class TagCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model file.")
  Path model;

  @Option(names = "--in", required = true, paramLabel = "PATH", description = "Corpus to tag.")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the XMI files.")
  Path output;

  @Override
  public Integer call() throws Exception {
    CommandPaths.prepareOutputFolder(output, "--out");
    CorpusLoader.Loaded corpus = CorpusLoader.load(input, List.of());
    Predictions predictions = new Predictions(new Tagger(ModelFile.load(model)), output);
    TreeMap<String, Integer> byLabel = new TreeMap<>();
    long tokens = 0;
    long start = System.nanoTime();
    for (Document document : corpus.documents()) {
      predictions.predict(document).mentions().forEach(m -> byLabel.merge(m.label(), 1, Integer::sum));
      tokens += document.tokenCount();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("documents tagged   %,d (%,d tokens, %.0f tokens/s)%n", corpus.documents().size(), tokens,
        tokens / seconds);
    byLabel.forEach((label, n) -> System.out.printf("  %-40s %,d%n", label, n));
    System.out.printf("documents failed   %,d%n", corpus.problems().size());
    corpus.problems().forEach(p -> System.out.println("  " + p));
    System.out.println("XMI written to " + output);
    return corpus.problems().isEmpty() ? 0 : 1;
  }
}
