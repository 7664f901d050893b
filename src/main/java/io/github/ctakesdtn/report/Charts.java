package io.github.ctakesdtn.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, drawn by XChart and written as SVG (through VectorGraphics2D) to be put
 * inline in a page. Every point of a line series is drawn with a circle marker, so a page's points
 * can be counted.
 */
final class Charts {
  static final int WIDTH = 560;
  static final int HEIGHT = 320;

  /** Colour-blind-safe colours (Okabe and Ito), in series order. */
  private static final Color[] COLOURS = {new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115),
      new Color(204, 121, 167), new Color(86, 180, 233), new Color(213, 94, 0), new Color(240, 228, 66),
      new Color(0, 0, 0)};

  /** One line: its name and its points. */
  record Line(String name, double[] x, double[] y) {
    Line {
      if (x.length != y.length) {
        throw new IllegalArgumentException(name + ": " + x.length + " x values but " + y.length + " y values");
      }
    }
  }

  /** One series of bars over the chart's categories, with error bars when {@code errors} is not null. */
  record Bars(String name, List<Double> values, List<Double> errors) {}

  static {
    // Charts are drawn off screen: no display is needed, or wanted, on a server or in a batch job.
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /**
   * Lines over a numeric x axis (e.g. epochs); {@code marked}, when not null, is drawn on top as a
   * single large point with its own legend entry (e.g. the chosen epoch).
   */
  static String lines(String title, String xTitle, String yTitle, List<Line> lines, Line marked, Double yMin,
      Double yMax) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    style(chart.getStyler());
    chart.getStyler().setXAxisDecimalPattern("#");
    chart.getStyler().setYAxisMin(yMin);
    chart.getStyler().setYAxisMax(yMax);
    for (Line line : lines) {
      XYSeries series = chart.addSeries(line.name(), line.x(), line.y());
      series.setMarker(SeriesMarkers.CIRCLE);
    }
    if (marked != null) {
      XYSeries series = chart.addSeries(marked.name(), marked.x(), marked.y());
      series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      series.setMarker(SeriesMarkers.DIAMOND);
      series.setMarkerColor(Color.RED);
    }
    chart.getStyler().setMarkerSize(7);
    return svg(chart);
  }

  /** Grouped bars, one group per category; values are drawn as given (e.g. percent). */
  static String bars(String title, String xTitle, String yTitle, List<String> categories, List<Bars> bars,
      Double yMax) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    style(chart.getStyler());
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(yMax);
    chart.getStyler().setOverlapped(false);
    chart.getStyler().setXAxisLabelRotation(categories.size() > 6 ? 30 : 0);
    for (Bars b : bars) {
      CategorySeries series = b.errors() == null ? chart.addSeries(b.name(), categories, b.values())
          : chart.addSeries(b.name(), categories, b.values(), b.errors());
      series.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Bar);
    }
    chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
    return svg(chart);
  }

  private static void style(AxesChartStyler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderColor(Color.LIGHT_GRAY);
    styler.setPlotGridLinesColor(new Color(230, 230, 230));
    styler.setPlotGridLinesStroke(new BasicStroke(1f));
    styler.setLegendBorderColor(Color.LIGHT_GRAY);
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setSeriesColors(COLOURS);
    styler.setAxisTitlePadding(6);
  }

  /** The chart as an SVG element, without the XML prolog and doctype a standalone file has. */
  static String svg(Chart<?, ?> chart) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String svg = out.toString(StandardCharsets.UTF_8);
    return svg.substring(svg.indexOf("<svg"));
  }
}
