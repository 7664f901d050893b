package io.github.ctakesdtn.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.reflect.TypeToken;
import io.github.ctakesdtn.model.GateStatistics;
import io.github.ctakesdtn.model.Routing;
import io.github.ctakesdtn.model.SharingScheme;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.jsoup.nodes.Element;

/**
 * The report on a search: the schemes side by side (dev and test F1, mean and spread over seeds), the
 * sharing DTN learned beside the best static scheme, dev F1 per epoch for each scheme, and DTN's gates
 * over epochs. Drawn from the runs {@code search.json} keeps, so {@code report --search} redraws it.
 */
public final class SearchReport {
  private static final List<String> BASELINES = List.of(SharingScheme.TARGET_ONLY.name(), SharingScheme.FINETUNE.name(),
      SharingScheme.DTN.name());

  private SearchReport() {}

  public static JsonArray json(List<SearchRun> runs) {
    return ModelReport.GSON.toJsonTree(runs).getAsJsonArray();
  }

  public static List<SearchRun> runs(JsonElement json) {
    return ModelReport.GSON.fromJson(json, new TypeToken<List<SearchRun>>() {}.getType());
  }

  /** The runs of each scheme, schemes in the order first run. */
  static Map<String, List<SearchRun>> byScheme(List<SearchRun> runs) {
    Map<String, List<SearchRun>> byScheme = new LinkedHashMap<>();
    runs.forEach(run -> byScheme.computeIfAbsent(run.scheme(), s -> new ArrayList<>()).add(run));
    return byScheme;
  }

  /** @param about rows of (what, value) describing the search, e.g. its command line */
  public static void write(List<SearchRun> runs, List<List<String>> about, Path out) throws IOException {
    HtmlPage page = new HtmlPage("Search report");
    Element intro = page.section("about", "About this search");
    HtmlPage.table(intro, "about", List.of(), about, List.of());
    Map<String, List<SearchRun>> byScheme = byScheme(runs);
    schemes(page, byScheme);
    sharing(page, byScheme);
    curves(page, byScheme);
    List<SearchRun> dtn = byScheme.getOrDefault(SharingScheme.DTN.name(), List.of());
    if (!dtn.isEmpty()) {
      SearchRun best = best(dtn);
      TrainingSections.gates(page, best.history(), Map.of());
    }
    page.write(out);
  }

  private static void schemes(HtmlPage page, Map<String, List<SearchRun>> byScheme) {
    Element section = page.section("schemes", "Schemes side by side");
    List<List<String>> rows = new ArrayList<>();
    List<String> names = new ArrayList<>(byScheme.keySet());
    List<Double> dev = new ArrayList<>();
    List<Double> devSd = new ArrayList<>();
    List<Double> test = new ArrayList<>();
    List<Double> testSd = new ArrayList<>();
    boolean anyTest = false;
    for (Map.Entry<String, List<SearchRun>> entry : byScheme.entrySet()) {
      List<SearchRun> runs = entry.getValue();
      Optional<double[]> d = meanSd(runs, SearchRun::devF1);
      Optional<double[]> t = meanSd(runs.stream().filter(r -> r.testF1() != null).toList(), SearchRun::testF1);
      anyTest |= t.isPresent();
      dev.add(d.map(v -> v[0]).orElse(0.0));
      devSd.add(d.map(v -> v[1]).orElse(0.0));
      test.add(t.map(v -> v[0]).orElse(0.0));
      testSd.add(t.map(v -> v[1]).orElse(0.0));
      SearchRun best = best(runs);
      double minutes = runs.stream().mapToDouble(SearchRun::seconds).sum() / 60;
      rows.add(List.of(entry.getKey(), String.valueOf(runs.size()), format(d), format(t),
          String.valueOf(best.bestEpoch()), String.format("%.1f", minutes), gates(best.gates())));
    }
    HtmlPage.table(section, "schemes", List.of("scheme", "runs", "dev F1", "test F1", "best epoch", "minutes",
        "gates (mean ± sd)"), rows, List.of()).id("scheme-table");
    HtmlPage.note(section, "Target exact-span F1 in percent, mean ± sample standard deviation over the seeds (one"
        + " value for one seed). Best epoch and gates: the run with the best dev F1, whose model the search keeps.");
    List<Charts.Bars> bars = new ArrayList<>();
    bars.add(new Charts.Bars("dev F1", dev, devSd));
    if (anyTest) {
      bars.add(new Charts.Bars("test F1", test, testSd));
    }
    List<List<String>> data = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      data.add(List.of(names.get(i), String.format("%.2f", dev.get(i)), String.format("%.2f", devSd.get(i)),
          anyTest ? String.format("%.2f", test.get(i)) : "", anyTest ? String.format("%.2f", testSd.get(i)) : ""));
    }
    String svg = Charts.bars("Target F1 by scheme", "scheme", "exact-span F1 (%)", names, bars, 100.0);
    HtmlPage.figure(section, "scheme-f1", svg, "Dev" + (anyTest ? " and test" : "") + " F1 per scheme; the whiskers"
        + " span one standard deviation over the seeds each way.",
        List.of("scheme", "dev F1", "dev sd", "test F1", "test sd"), data);
    List<List<String>> every = new ArrayList<>();
    byScheme.values().forEach(runs -> runs.forEach(r -> every.add(List.of(r.scheme(), String.valueOf(r.seed()),
        String.format("%.2f", 100 * r.devF1()), r.testF1() == null ? "" : String.format("%.2f", 100 * r.testF1()),
        String.valueOf(r.bestEpoch()), String.format("%.0f", r.seconds())))));
    Element details = section.appendElement("details");
    details.appendElement("summary").text("every run");
    HtmlPage.table(details, "runs", List.of("scheme", "seed", "dev F1", "test F1", "best epoch", "seconds"), every,
        List.of());
  }

  /** DTN's learned sharing beside the best static scheme (by mean dev F1). */
  private static void sharing(HtmlPage page, Map<String, List<SearchRun>> byScheme) {
    List<SearchRun> dtn = byScheme.getOrDefault(SharingScheme.DTN.name(), List.of());
    Optional<String> bestStatic = byScheme.keySet().stream().filter(s -> !BASELINES.contains(s))
        .max(Comparator.comparingDouble(s -> meanSd(byScheme.get(s), SearchRun::devF1).orElseThrow()[0]));
    if (dtn.isEmpty() && bestStatic.isEmpty()) {
      return;
    }
    Element section = page.section("sharing", "What is shared: DTN's learned scheme beside the best static one");
    List<String> groups = new ArrayList<>();
    for (Routing.Group group : Routing.Group.values()) {
      groups.add(group.label);
    }
    List<Charts.Bars> bars = new ArrayList<>();
    List<List<String>> data = new ArrayList<>();
    if (!dtn.isEmpty()) {
      Map<String, GateStatistics.Stat> gates = best(dtn).gates();
      List<Double> means = groups.stream().map(g -> gates.containsKey(g) ? gates.get(g).mean() : 0.0).toList();
      List<Double> sds = groups.stream().map(g -> gates.containsKey(g) ? gates.get(g).std() : 0.0).toList();
      bars.add(new Charts.Bars("dtn (mean gate ± sd)", means, sds));
      for (String g : groups) {
        data.add(List.of("dtn", g, gates.containsKey(g) ? String.format("%.3f", gates.get(g).mean())
            : "private (no gate)"));
      }
    }
    if (bestStatic.isPresent()) {
      SharingScheme scheme = SharingScheme.named(bestStatic.get(), true);
      List<Double> shared = List.of(scheme.sharedChars() ? 1.0 : 0.0, scheme.sharedWords() ? 1.0 : 0.0,
          scheme.sharedOutput() ? 1.0 : 0.0);
      bars.add(new Charts.Bars("best static: " + scheme.name(), shared, null));
      for (int i = 0; i < groups.size(); i++) {
        data.add(List.of(scheme.name(), groups.get(i), shared.get(i) == 1.0 ? "shared" : "private"));
      }
    }
    HtmlPage.paragraph(section, "1 = shared with the source task, 0 = private to the target. chars = C (character"
        + " encoder), words = W (word BiLSTM), emissions = O (output). DTN's bars are its target gates' mean on the dev"
        + " sentences (best run by dev F1); a group without a gate (the output, when the tasks' labels differ) is"
        + " private. The static scheme is the best on mean dev F1" + bestStatic.map(s -> ": " + s).orElse("") + ".");
    String svg = Charts.bars("Sharing per parameter group", "parameter group", "shared (1) or private (0)", groups,
        bars, 1.0);
    HtmlPage.figure(section, "sharing-chart", svg, "DTN's learned sharing beside the best static scheme.",
        List.of("scheme", "group", "sharing"), data);
  }

  private static void curves(HtmlPage page, Map<String, List<SearchRun>> byScheme) {
    Element section = page.section("scheme-curves", "Dev F1 per epoch");
    List<Charts.Line> lines = new ArrayList<>();
    List<List<String>> data = new ArrayList<>();
    byScheme.forEach((scheme, runs) -> {
      SearchRun best = best(runs);
      if (best.history() == null || best.history().epochs().isEmpty()) {
        return;
      }
      lines.add(new Charts.Line(scheme, best.history().epochs().stream().mapToDouble(e -> e.epoch()).toArray(),
          best.history().epochs().stream().mapToDouble(e -> 100 * e.devF1()).toArray()));
      best.history().epochs().forEach(e -> data.add(List.of(scheme, String.valueOf(e.epoch()),
          String.format("%.2f", 100 * e.devF1()))));
    });
    if (lines.isEmpty()) {
      HtmlPage.note(section, "No epoch history was recorded.");
      return;
    }
    String svg = Charts.lines("Dev F1 per epoch, each scheme", "epoch", "exact-span F1 (%)", lines, null, null, null);
    HtmlPage.figure(section, "scheme-dev-f1", svg, "Target dev F1 after each epoch, the best run of each scheme.",
        List.of("scheme", "epoch", "dev F1"), data);
  }

  static SearchRun best(List<SearchRun> runs) {
    return runs.stream().max(Comparator.comparingDouble(SearchRun::devF1)).orElseThrow();
  }

  /** Mean and sample standard deviation (0 for one value) in percent, and the count; empty for no values. */
  static Optional<double[]> meanSd(List<SearchRun> runs, ToDoubleFunction<SearchRun> score) {
    double[] values = runs.stream().mapToDouble(score).toArray();
    if (values.length == 0) {
      return Optional.empty();
    }
    double mean = java.util.Arrays.stream(values).average().orElseThrow();
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double sd = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0;
    return Optional.of(new double[] {100 * mean, 100 * sd, values.length});
  }

  /** A score over runs as a table shows it: "72.50" for one run, "60.00 ± 10.00" for several, "-" for none. */
  public static String percent(List<SearchRun> runs, ToDoubleFunction<SearchRun> score) {
    return format(meanSd(runs, score));
  }

  private static String format(Optional<double[]> meanSd) {
    return meanSd.map(v -> v[2] == 1 ? String.format("%.2f", v[0]) : String.format("%.2f ± %.2f", v[0], v[1]))
        .orElse("-");
  }

  /** Gate statistics in a table cell: "chars 0.90±0.10, words ...". */
  public static String gates(Map<String, GateStatistics.Stat> gates) {
    List<String> parts = new ArrayList<>();
    gates.forEach((group, stat) -> parts.add(String.format("%s %.2f±%.2f", group, stat.mean(), stat.std())));
    return String.join(", ", parts);
  }
}
