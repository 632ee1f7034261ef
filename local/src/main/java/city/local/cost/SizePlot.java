package city.local.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * The docs' plot: monthly cost in USD against city size (parking spaces, 1,000 to 100,000, log scale), one line
 * per region, as a dependency-free SVG.
 */
final class SizePlot {
  static final long[] SPACES = {1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000};
  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};
  private static final int WIDTH = 720;
  private static final int HEIGHT = 420;
  private static final int LEFT = 70;
  private static final int RIGHT = 170;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  record Series(String name, List<BigDecimal> monthlyUsd) {}

  private SizePlot() {}

  static Series series(String name, LongFunction<BigDecimal> monthlyUsdAtSpaces) {
    List<BigDecimal> values = new ArrayList<>();
    for (long spaces : SPACES) {
      values.add(monthlyUsdAtSpaces.apply(spaces));
    }
    return new Series(name, values);
  }

  static String svg(String title, List<Series> series) {
    double max = series.stream().flatMap(s -> s.monthlyUsd().stream()).mapToDouble(BigDecimal::doubleValue).max().orElse(1);
    double top = niceCeiling(max);
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"14\">%s</text>%n", LEFT, escape(title)));
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    for (int i = 0; i <= 5; i++) {
      double value = top * i / 5;
      double y = TOP + plotHeight - plotHeight * i / 5.0;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
          LEFT, y, LEFT + plotWidth, y));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, y + 4,
          label(value)));
    }
    for (long spaces : SPACES) {
      double x = x(spaces, plotWidth);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
          x, TOP, x, TOP + plotHeight));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x,
          TOP + plotHeight + 16, spaces >= 1000 ? spaces / 1000 + "k" : String.valueOf(spaces)));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">parking spaces (log scale)</text>%n",
        LEFT + plotWidth / 2, HEIGHT - 12));
    svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">"
        + "USD a month</text>%n", TOP + plotHeight / 2, TOP + plotHeight / 2));
    for (int s = 0; s < series.size(); s++) {
      Series line = series.get(s);
      String colour = COLOURS[s % COLOURS.length];
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < SPACES.length; i++) {
        double y = TOP + plotHeight - plotHeight * line.monthlyUsd().get(i).doubleValue() / top;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(SPACES[i], plotWidth), y));
      }
      svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
          colour, points.toString().trim()));
      int legendY = TOP + 14 + s * 18;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>%n",
          LEFT + plotWidth + 12, legendY - 4, LEFT + plotWidth + 32, legendY - 4, colour));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + plotWidth + 38, legendY,
          escape(line.name())));
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static double x(long spaces, int plotWidth) {
    double from = Math.log10(SPACES[0]);
    double to = Math.log10(SPACES[SPACES.length - 1]);
    return LEFT + plotWidth * (Math.log10(spaces) - from) / (to - from);
  }

  private static double niceCeiling(double value) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1e-9))));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= value) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String label(double value) {
    return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
