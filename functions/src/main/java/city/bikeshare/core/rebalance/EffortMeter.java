package city.bikeshare.core.rebalance;

/**
 * Counts the search's work in units of about one local search move priced (tens of nanoseconds),
 * weighting the other inner loops (route rebuilds, load range tables, insertion scans) by their
 * measured relative cost. Unlike a clock it is the same on every machine and every run, so a search
 * bounded by effort is deterministic while taking roughly the same time on every instance.
 */
final class EffortMeter {

  private long spent;

  void add(long units) {
    spent += units;
  }

  long spent() {
    return spent;
  }
}
