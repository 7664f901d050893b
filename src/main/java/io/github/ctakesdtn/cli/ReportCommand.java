package io.github.ctakesdtn.cli;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.ctakesdtn.report.ModelReport;
import io.github.ctakesdtn.report.SearchReport;
import io.github.ctakesdtn.report.SearchRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Draws the HTML report of a model again from what its file keeps (model card, learning curves, DTN's gates,"
            + " scores by label and the most frequent mistakes), or of a search from its search.json.",
        "The page is self-contained: charts are inline SVG and nothing is fetched when it is opened."})
final class ReportCommand implements Callable<Integer> {
  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  static final class What {
    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "A model file.")
    Path model;

    @Option(names = "--search", required = true, paramLabel = "DIR", description = "A search's --out folder.")
    Path search;
  }

  @Option(names = "--out", paramLabel = "FILE",
      description = "The page to write (default: beside the model, NAME.html; for a search, DIR/report.html).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path page = out != null ? out : what.model != null ? ModelReport.besideModel(what.model)
        : what.search.resolve(SearchCommand.REPORT);
    CommandPaths.requireWritableFile(page, "--out");
    if (what.model != null) {
      ModelReport.write(what.model, page);
    } else {
      Path json = what.search.resolve(SearchCommand.SEARCH_JSON);
      if (!Files.isRegularFile(json)) {
        throw new IllegalArgumentException(json + ": no such file (is " + what.search + " a search's --out folder?)");
      }
      List<SearchRun> runs;
      try {
        runs = SearchReport.runs(JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)));
      } catch (JsonParseException | IllegalStateException e) {
        throw new IllegalArgumentException(json + ": not a search's JSON (" + e.getMessage() + ")", e);
      }
      SearchReport.write(runs, List.of(List.of("search", what.search.toString())), page);
    }
    System.out.println("report written to " + page);
    return 0;
  }
}
