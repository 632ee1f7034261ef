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
 * @param emptyCity a scheduled function's runs on an empty city (nothing spoke, nothing is open), for the fixed cost;
 *     null for the others, and for a schedule not measured so (its fixed cost is then its busy runs')
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
    String reason,
    EmptyCity emptyCity) {

  /**
   * What one scheduled run consumes when the city has nothing for it to do: the floor an idle deployment pays per run.
   * The busy figures above minus these are what the city's traffic adds to each run.
   */
  public record EmptyCity(long invocationsMeasured, double readRequestUnitsPerInvocation,
      double writeRequestUnitsPerInvocation, double billedMsPerInvocation, double iotPublishesPerInvocation,
      String measuredBy, String measuredAt) {}

  public static final String MEASURED = "measured";
  public static final String ESTIMATE = "estimate";

  /** An entry without an empty-city measurement. */
  public EventProfile(String functionId, String source, long invocationsMeasured, double readRequestUnitsPerInvocation,
      double writeRequestUnitsPerInvocation, double dynamoDbRequestsPerInvocation, double billedMsPerInvocation,
      double iotPublishesPerInvocation, String measuredBy, String measuredAt, String reason) {
    this(functionId, source, invocationsMeasured, readRequestUnitsPerInvocation, writeRequestUnitsPerInvocation,
        dynamoDbRequestsPerInvocation, billedMsPerInvocation, iotPublishesPerInvocation, measuredBy, measuredAt, reason, null);
  }

  public EventProfile withEmptyCity(EmptyCity measured) {
    return new EventProfile(functionId, source, invocationsMeasured, readRequestUnitsPerInvocation,
        writeRequestUnitsPerInvocation, dynamoDbRequestsPerInvocation, billedMsPerInvocation, iotPublishesPerInvocation,
        measuredBy, measuredAt, reason, measured);
  }

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
