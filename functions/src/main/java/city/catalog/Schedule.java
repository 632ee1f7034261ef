package city.catalog;

/**
 * A function run on a timer: in the cloud an EventBridge Scheduler schedule (free tier covers 14 M
 * invocations a month), in the twin a timer with the same period.
 *
 * @param periodConfig name of the configuration variable that overrides the period (e.g. "15m")
 */
public record Schedule(String name, String functionId, java.time.Duration period, String periodConfig) {
  public String expression() {
    long minutes = period.toMinutes();
    return minutes == 1 ? "rate(1 minute)" : "rate(" + minutes + " minutes)";
  }
}
