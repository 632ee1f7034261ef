package city.local.cost;


/**
 * What one invocation of a function consumes, as the benchmark measured it (or, marked {@code estimate}, as
 * reasoned where the benchmark cannot reach the function).
 *
 * @param source {@code measured} or {@code estimate}
 * @param invocationsMeasured invocations the averages come from (0 for an estimate)
 * @param billedMsPerInvocation handler wall time; measured in the twin's JVM, not Lambda's (see {@code measuredBy})
 * @param iotPublishesPerInvocation IoT data-plane publishes to devices
 * @param reason why an estimate is what it is; null for a measurement
 */
public record EventProfile(
    String functionId,
    String source,
    long invocationsMeasured,
    double readRequestUnitsPerInvocation,
    double writeRequestUnitsPerInvocation,
    double dynamoDbRequestsPerInvocation,
    double billedMsPerInvocation,
    double iotPublishesPerInvocation,
    String measuredBy,
    String measuredAt,
    String reason) {

  public static final String MEASURED = "measured";
  public static final String ESTIMATE = "estimate";

  public EventProfile {
    if (!MEASURED.equals(source) && !ESTIMATE.equals(source)) {
      throw new IllegalArgumentException(functionId + ": source must be measured or estimate, not " + source);
    }
    if (ESTIMATE.equals(source) && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException(functionId + ": an estimate needs its reason");
    }
    if (measuredBy == null || measuredBy.isBlank() || measuredAt == null || measuredAt.isBlank()) {
      throw new IllegalArgumentException(functionId + ": say who measured or estimated it, and when");
    }
  }
}
