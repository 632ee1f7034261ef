package city.local;

import city.catalog.Catalog;
import city.local.auth.OidcProvider;
import city.local.lambda.AsyncInvoker;
import city.local.lambda.InvocationObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How to start a twin. Port 0 means a free port (the twin reports the one it got).
 *
 * @param dataDir where DynamoDB data ({@code dynamodb/}), the message journal ({@code journal/}), the event journal
 *     ({@code bus-journal/}) and the token key ({@code jwt.key}) live; empty for an in-memory twin whose queue and key die with it (tests)
 * @param retryDelays the waits before each retry of a failed asynchronous invocation (Lambda: two retries)
 * @param schedulePeriods per-schedule period overrides, by schedule name
 * @param scheduleClocks the time a schedule's events carry, by schedule name (the wall clock when absent)
 * @param variables given to every function besides what its catalog entry gives it
 * @param drainTimeout how long stopping waits for accepted messages to be handled
 * @param invocationObserver sees every invocation (a usage meter); {@link InvocationObserver#NONE} by default
 * @param oidc an OpenID Connect provider whose tokens the gateway accepts besides the twin's own, and where the pages sign in
 */
public record TwinOptions(
    Path cityFile,
    int mqttPort,
    int httpPort,
    int iotDataPort,
    Optional<Path> dataDir,
    List<Duration> retryDelays,
    Map<String, Duration> schedulePeriods,
    Map<String, Supplier<Instant>> scheduleClocks,
    Map<String, String> variables,
    Catalog catalog,
    Duration drainTimeout,
    InvocationObserver invocationObserver,
    Optional<OidcProvider> oidc) {

  public static final int DEFAULT_MQTT_PORT = 1883;
  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final String DATA_DIR_NAME = ".city-data";

  public TwinOptions {
    retryDelays = List.copyOf(retryDelays);
    schedulePeriods = Map.copyOf(schedulePeriods);
    scheduleClocks = Map.copyOf(scheduleClocks);
    variables = Map.copyOf(variables);
  }

  /** What {@code ./city up} runs: the sample county, standard ports, state under {@code .city-data/}. */
  public static TwinOptions defaults() {
    Path root = RepoRoot.find();
    return new TwinOptions(sampleCity(root), DEFAULT_MQTT_PORT, DEFAULT_HTTP_PORT, 0,
        Optional.of(root.resolve(DATA_DIR_NAME)), AsyncInvoker.LAMBDA_RETRY_DELAYS, Map.of(), Map.of(), Map.of(),
        Catalog.standard(), Duration.ofSeconds(30), InvocationObserver.NONE, Optional.empty());
  }

  /** Free ports, in-memory DynamoDB and key, the sample county. */
  public static TwinOptions inMemory() {
    return defaults().withMqttPort(0).withHttpPort(0).withDataDir(Optional.empty());
  }

  public static Path sampleCity(Path root) {
    return root.resolve("local").resolve("cities").resolve("sample-county.json");
  }

  public TwinOptions withCityFile(Path file) {
    return new TwinOptions(file, mqttPort, httpPort, iotDataPort, dataDir, retryDelays, schedulePeriods, scheduleClocks, variables, catalog, drainTimeout, invocationObserver, oidc);
  }

  public TwinOptions withMqttPort(int port) {
    return new TwinOptions(cityFile, port, httpPort, iotDataPort, dataDir, retryDelays, schedulePeriods, scheduleClocks, variables, catalog, drainTimeout, invocationObserver, oidc);
  }

  public TwinOptions withHttpPort(int port) {
    return new TwinOptions(cityFile, mqttPort, port, iotDataPort, dataDir, retryDelays, schedulePeriods, scheduleClocks, variables, catalog, drainTimeout, invocationObserver, oidc);
  }

  public TwinOptions withIotDataPort(int port) {
    return new TwinOptions(cityFile, mqttPort, httpPort, port, dataDir, retryDelays, schedulePeriods, scheduleClocks, variables, catalog, drainTimeout, invocationObserver, oidc);
  }

  public TwinOptions withDataDir(Optional<Path> dir) {
    return new TwinOptions(cityFile, mqttPort, httpPort, iotDataPort, dir, retryDelays, schedulePeriods, scheduleClocks, variables, catalog, drainTimeout, invocationObserver, oidc);
  }

  public TwinOptions withRetryDelays(List<Duration> delays) {
    return new TwinOptions(cityFile, mqttPort, httpPort, iotDataPort, dataDir, delays, schedulePeriods, scheduleClocks, variables, catalog, drainTimeout, invocationObserver, oidc);
  }

  public TwinOptions withSchedulePeriod(String scheduleName, Duration period) {
    Map<String, Duration> periods = new HashMap<>(schedulePeriods);
    periods.put(scheduleName, period);
    return new TwinOptions(cityFile, mqttPort, httpPort, iotDataPort, dataDir, retryDelays, periods, scheduleClocks, variables, catalog, drainTimeout, invocationObserver, oidc);
  }

  /**
   * The schedule's events carry this clock's time instead of the wall clock's: a simulation whose devices stamp
   * accelerated time runs the schedules that compare with device times on the same clock (the demo's settlement).
   */
  public TwinOptions withScheduleClock(String scheduleName, Supplier<Instant> clock) {
    Map<String, Supplier<Instant>> clocks = new HashMap<>(scheduleClocks);
    clocks.put(scheduleName, clock);
    return new TwinOptions(cityFile, mqttPort, httpPort, iotDataPort, dataDir, retryDelays, schedulePeriods, clocks, variables, catalog, drainTimeout, invocationObserver, oidc);
  }

  /** A variable every function gets besides its catalog entry's, as a deployment would set it (a timeout, say). */
  public TwinOptions withVariable(String name, String value) {
    Map<String, String> more = new HashMap<>(variables);
    more.put(name, value);
    return new TwinOptions(cityFile, mqttPort, httpPort, iotDataPort, dataDir, retryDelays, schedulePeriods, scheduleClocks, more, catalog, drainTimeout, invocationObserver, oidc);
  }

  /** What the twin runs: the standard catalog, or one with a test's own module added. */
  public TwinOptions withCatalog(Catalog other) {
    return new TwinOptions(cityFile, mqttPort, httpPort, iotDataPort, dataDir, retryDelays, schedulePeriods, scheduleClocks, variables, other, drainTimeout, invocationObserver, oidc);
  }

  /** How long stopping waits for invocations to finish (with a data folder, the rest waits in the journal). */
  public TwinOptions withDrainTimeout(Duration timeout) {
    return new TwinOptions(cityFile, mqttPort, httpPort, iotDataPort, dataDir, retryDelays, schedulePeriods, scheduleClocks, variables, catalog,
        timeout, invocationObserver, oidc);
  }

  public TwinOptions withInvocationObserver(InvocationObserver observer) {
    return new TwinOptions(cityFile, mqttPort, httpPort, iotDataPort, dataDir, retryDelays, schedulePeriods, scheduleClocks, variables, catalog,
        drainTimeout, observer, oidc);
  }

  /** Trust an OpenID Connect provider's tokens besides the twin's own, and offer its sign-in on the pages. */
  public TwinOptions withOidc(OidcProvider provider) {
    return new TwinOptions(cityFile, mqttPort, httpPort, iotDataPort, dataDir, retryDelays, schedulePeriods, scheduleClocks, variables, catalog,
        drainTimeout, invocationObserver, Optional.of(provider));
  }
}
