package city.dispatch.core;

import java.util.List;

/**
 * Median and 90th percentile of one response interval, in seconds. Percentiles interpolate linearly between
 * the two nearest ranks (the common "type 7" definition), so the median of an even count is the mean of the
 * middle two.
 *
 * @param medianSeconds null when there is no sample
 */
public record ResponseTimes(int count, Double medianSeconds, Double p90Seconds) {

  public static ResponseTimes of(List<Double> seconds) {
    if (seconds.isEmpty()) {
      return new ResponseTimes(0, null, null);
    }
    List<Double> sorted = seconds.stream().sorted().toList();
    return new ResponseTimes(sorted.size(), percentile(sorted, 0.5), percentile(sorted, 0.9));
  }

  static double percentile(List<Double> sorted, double p) {
    double rank = p * (sorted.size() - 1);
    int below = (int) Math.floor(rank);
    int above = (int) Math.ceil(rank);
    double value = sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below));
    return Math.round(value * 1000) / 1000.0;
  }
}
