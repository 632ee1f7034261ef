package city.local;

import city.local.lambda.AsyncInvoker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to start a twin. Port 0 means a free port (the twin reports the one it got).
 *
 * @param dataDir where DynamoDB data ({@code dynamodb/}) and the token key ({@code jwt.key}) live; empty
 *     for an in-memory twin with a key that dies with it (tests)
 * @param retryDelays the waits before each retry of a failed asynchronous invocation (Lambda: two retries)
 * @param schedulePeriods per-schedule period overrides, by schedule name
 * @param ackTimeout passed to the dispatch domain as {@code DISPATCH_ACK_TIMEOUT}
 * @param drainTimeout how long stopping waits for accepted messages to be handled
 */
public record TwinOptions(
    Path cityFile,
    int mqttPort,
    int httpPort,
    int iotDataPort,
    Optional<Path> dataDir,
    List<Duration> retryDelays,
    Map<String, Duration> schedulePeriods,
    Optional<Duration> ackTimeout,
    Declarations declarations,
    Duration drainTimeout) {

  public static final int DEFAULT_MQTT_PORT = 1883;
  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final String DATA_DIR_NAME = ".city-data";

  public TwinOptions {
    retryDelays = List.copyOf(retryDelays);
    schedulePeriods = Map.copyOf(schedulePeriods);
  }

  /** What {@code ./city up} runs: the sample county, standard ports, state under {@code .city-data/}. */
  public static TwinOptions defaults() {
    Path root = RepoRoot.find();
    return new TwinOptions(sampleCity(root), DEFAULT_MQTT_PORT, DEFAULT_HTTP_PORT, 0,
        Optional.of(root.resolve(DATA_DIR_NAME)), AsyncInvoker.LAMBDA_RETRY_DELAYS, Map.of(), Optional.empty(),
        Declarations.catalog(), Duration.ofSeconds(30));
  }

  /** Free ports, in-memory DynamoDB and key, the sample county. */
  public static TwinOptions inMemory() {
    return defaults().withMqttPort(0).withHttpPort(0).withDataDir(Optional.empty());
  }

  public static Path sampleCity(Path root) {
    return root.resolve("local").resolve("cities").resolve("sample-county.json");
  }

  public TwinOptions withCityFile(Path file) {
    return new TwinOptions(file, mqttPort, httpPort, iotDataPort, dataDir, retryDelays, schedulePeriods, ackTimeout, declarations, drainTimeout);
  }

  public TwinOptions withMqttPort(int port) {
    return new TwinOptions(cityFile, port, httpPort, iotDataPort, dataDir, retryDelays, schedulePeriods, ackTimeout, declarations, drainTimeout);
  }

  public TwinOptions withHttpPort(int port) {
    return new TwinOptions(cityFile, mqttPort, port, iotDataPort, dataDir, retryDelays, schedulePeriods, ackTimeout, declarations, drainTimeout);
  }

  public TwinOptions withIotDataPort(int port) {
    return new TwinOptions(cityFile, mqttPort, httpPort, port, dataDir, retryDelays, schedulePeriods, ackTimeout, declarations, drainTimeout);
  }

  public TwinOptions withDataDir(Optional<Path> dir) {
    return new TwinOptions(cityFile, mqttPort, httpPort, iotDataPort, dir, retryDelays, schedulePeriods, ackTimeout, declarations, drainTimeout);
  }

  public TwinOptions withRetryDelays(List<Duration> delays) {
    return new TwinOptions(cityFile, mqttPort, httpPort, iotDataPort, dataDir, delays, schedulePeriods, ackTimeout, declarations, drainTimeout);
  }

  public TwinOptions withSchedulePeriod(String scheduleName, Duration period) {
    Map<String, Duration> periods = new HashMap<>(schedulePeriods);
    periods.put(scheduleName, period);
    return new TwinOptions(cityFile, mqttPort, httpPort, iotDataPort, dataDir, retryDelays, periods, ackTimeout, declarations, drainTimeout);
  }

  public TwinOptions withAckTimeout(Optional<Duration> timeout) {
    return new TwinOptions(cityFile, mqttPort, httpPort, iotDataPort, dataDir, retryDelays, schedulePeriods, timeout, declarations, drainTimeout);
  }

  public TwinOptions withDeclarations(Declarations declared) {
    return new TwinOptions(cityFile, mqttPort, httpPort, iotDataPort, dataDir, retryDelays, schedulePeriods, ackTimeout, declared, drainTimeout);
  }
}
