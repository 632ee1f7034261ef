package city.local.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics of measured values: min, median, nearest-rank percentiles. */
public final class Samples {
  private final double[] sorted;

  private Samples(double[] sorted) {
    this.sorted = sorted;
  }

  public static Samples of(List<? extends Number> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    return new Samples(sorted);
  }

  public int count() {
    return sorted.length;
  }

  public double min() {
    return sorted[0];
  }

  public double max() {
    return sorted[sorted.length - 1];
  }

  /** The middle value; with an even count, the mean of the two middle ones. */
  public double median() {
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** Nearest rank: the smallest value with at least {@code percent} % of the samples at or below it. */
  public double percentile(double percent) {
    if (percent <= 0 || percent > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100], was " + percent);
    }
    int rank = (int) Math.ceil(percent / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  @Override
  public String toString() {
    return Arrays.toString(sorted);
  }
}
