package city.local.profile;

import city.catalog.Catalog;
import city.catalog.Schedule;
import city.local.Twin;
import city.local.TwinOptions;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every schedule on an empty city: the sample county's twin where no device has spoken and nothing is open, each
 * schedule every {@link #PERIOD}. What a run consumes there is the floor an idle deployment pays per run (the cost
 * estimator's fixed lines); the demo's busy runs minus it are what traffic adds. The first runs are left out: they
 * load the handlers' classes, and the health check records each device's watch once.
 */
final class EmptyCityRuns {
  static final Duration PERIOD = Duration.ofMillis(250);
  static final Duration WARM_UP = Duration.ofSeconds(3);
  static final Duration MEASURED = Duration.ofSeconds(6);
  static final String DESCRIPTION = "every schedule on an empty sample county (no device spoke, nothing open), every "
      + PERIOD.toMillis() + " ms for " + MEASURED.toSeconds() + " s after a " + WARM_UP.toSeconds() + " s warm-up";

  private EmptyCityRuns() {}

  /** By function id: what the scheduled runs consumed after the warm-up. */
  static Map<String, FunctionUsage.Totals> measure() {
    UsageMeter meter = new UsageMeter();
    TwinOptions options = TwinOptions.inMemory().withInvocationObserver(meter);
    for (Schedule schedule : Catalog.standard().schedules()) {
      options = options.withSchedulePeriod(schedule.name(), PERIOD);
    }
    try (Twin twin = Twin.start(options)) {
      sleep(WARM_UP);
      Map<String, FunctionUsage.Totals> warm = meter.totals();
      // a benchmark's measuring window: the schedules run on their own clock while it lasts
      sleep(MEASURED);
      Map<String, FunctionUsage.Totals> runs = new TreeMap<>();
      meter.totals().forEach((function, total) -> runs.put(function, total.since(warm.get(function))));
      return runs;
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the schedules ran", e);
    }
  }
}
