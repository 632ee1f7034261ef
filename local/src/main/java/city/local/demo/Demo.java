package city.local.demo;

import city.local.RepoRoot;
import city.local.Twin;
import city.local.TwinOptions;
import city.platform.City;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * {@code ./city demo}: starts an in-memory twin on free ports, lets the city's simulated devices publish
 * over MQTT in accelerated time and its people use the HTTP API (every {@link DemoPart}, found with
 * {@link ServiceLoader}), prints progress, then a summary read from the twin's own API.
 *
 * <p>The twin's clock is real time while the devices' clock is accelerated: a part shortens the twin's
 * timeouts to their simulated length ({@link DemoPart#configure}), and the simulated clock waits while the
 * twin is behind ({@link Pacer}).
 */
public final class Demo {
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
  private static final Duration IDLE_WAIT = Duration.ofSeconds(60);
  /** More invocations waiting than this and the simulated clock waits for the twin. */
  private static final int MAX_IN_FLIGHT = 24;
  private static final int DEAD_LETTER_PAGE = 1000;
  private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);

  private Demo() {}

  public static void main(String[] args) {
    DemoOptions options;
    try {
      options = DemoOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("city demo: " + e.getMessage() + "\n" + DemoOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(DemoOptions.USAGE);
      return;
    }
    // the twin's own log lines would drown the progress; warnings (e.g. each dead letter) still show
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    try {
      run(options, System.out);
    } catch (RuntimeException e) {
      System.out.flush();
      System.err.println("city demo: " + e.getMessage());
      System.exit(1);
    }
    System.exit(0);
  }

  /** Runs the whole demo and returns its summary (also printed); the twin is closed when this returns. */
  public static Summary run(DemoOptions options, PrintStream out) {
    return run(options, UnaryOperator.identity(), out);
  }

  /** The same with the demo's twin options adjusted last, e.g. to attach a usage meter. */
  public static Summary run(DemoOptions options, UnaryOperator<TwinOptions> twinSetup, PrintStream out) {
    long wallStart = System.nanoTime();
    Path cityFile = options.cityFile().map(Path::toAbsolutePath).orElseGet(() -> TwinOptions.sampleCity(RepoRoot.find()));
    City city;
    try {
      city = City.load(cityFile);
    } catch (RuntimeException e) {
      throw new DemoFailure(e.getMessage(), e);
    }
    ZoneId zone = city.timeZone();
    LocalDateTime localStart = options.start().orElseGet(() -> LocalDateTime.now(zone).toLocalDate().minusDays(1).atTime(6, 30));
    Instant simStart = localStart.atZone(zone).toInstant();
    Instant simEnd = simStart.plus(Duration.ofMinutes(options.simMinutes()));
    SimClock clock = new SimClock(simStart, zone, options.speed());
    List<DemoPart> parts = ServiceLoader.load(DemoPart.class).stream().map(ServiceLoader.Provider::get).toList();

    out.printf(Locale.ROOT, "city demo: %s, %d simulated minutes from %s (%s) at %.0fx, seed %d%n", city.name(),
        options.simMinutes(), START.format(localStart), zone, options.speed(), options.seed());
    TwinOptions twinOptions = TwinOptions.inMemory().withCityFile(cityFile);
    for (DemoPart part : parts) {
      twinOptions = part.configure(twinOptions, clock, out);
    }
    twinOptions = twinSetup.apply(twinOptions);
    out.flush();
    Twin twin;
    try {
      twin = Twin.start(twinOptions);
    } catch (RuntimeException e) {
      throw new DemoFailure("the twin did not start: " + e.getMessage(), e);
    }
    try (twin) {
      String opsToken = twin.token("ops-demo", "ops", List.of());
      out.printf("twin up (in memory): MQTT tcp://127.0.0.1:%d, HTTP API %s, IoT data %s, DynamoDB %s%n",
          twin.mqttPort(), twin.httpEndpoint(), twin.iotDataEndpoint(), twin.dynamoDbEndpoint());
      out.println("  ops token for this run: " + opsToken);
      out.println("  ops console: " + twin.consoleUrl() + "#token=" + opsToken);
      out.flush();
      return simulate(options, city, clock, simEnd, twin, opsToken, parts, out, wallStart);
    }
  }

  private static Summary simulate(DemoOptions options, City city, SimClock clock, Instant simEnd, Twin twin,
      String opsToken, List<DemoPart> parts, PrintStream out, long wallStart) {
    TwinHttp http = new TwinHttp(twin.httpEndpoint());
    ExecutorService appThread = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "demo-apps");
      thread.setDaemon(true);
      return thread;
    });
    AtomicInteger appRequests = new AtomicInteger();
    Executor apps = task -> {
      appRequests.incrementAndGet();
      appThread.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          System.err.println("demo: an app request failed: " + e.getMessage());
        } finally {
          appRequests.decrementAndGet();
        }
      });
    };
    try (DeviceLink devices = new DeviceLink(twin.mqttPort(), twin.mqttOperatorPassword(), options.seed());
        PartsRunning running = () -> parts.forEach(DemoPart::close)) {
      EventLoop loop = new EventLoop(clock);
      DemoContext context = new DemoContext(city, clock, loop, devices, http, apps, opsToken,
          (subject, plates) -> twin.token(subject, "citizen", plates), options.seed(), clock.start(), simEnd);
      parts.forEach(part -> part.start(context));
      Duration run = Duration.between(clock.start(), simEnd);
      out.printf(Locale.ROOT, "simulating %s of devices in about %.0f s; progress every %d s%n", run,
          options.realDuration().toMillis() / 1000.0, PROGRESS_EVERY.toSeconds());
      out.flush();
      clock.begin();
      long realStart = System.nanoTime();
      try (Pacer pacer = new Pacer(clock, () -> appRequests.get() > 0 || twin.invocationsInFlight() > MAX_IN_FLIGHT);
          Progress progress = new Progress(out, PROGRESS_EVERY, () -> progressLine(clock, simEnd, realStart, devices, twin, parts))) {
        loop.run(simEnd);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DemoFailure("interrupted", e);
      }
      parts.forEach(DemoPart::timeIsUp);
      appThread.shutdown();
      awaitApps(appThread);
      out.printf(Locale.ROOT, "simulated time is up (%s; the clock waited %.1f s for the twin); waiting for the"
          + " twin to handle what it received%n", clock.clockFace(simEnd), clock.held().toMillis() / 1000.0);
      out.flush();
      awaitIdle(twin, out);
      parts.forEach(DemoPart::lastRequests);
      awaitIdle(twin, out);

      Summary summary;
      try {
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        Summary.RunFigures figures = new Summary.RunFigures(clock.deviceTime(clock.start()), clock.deviceTime(simEnd),
            options.simMinutes(), options.speed(), options.seed(), devices.sent(), devices.duplicated(),
            devices.received(), twin.messagesReceived(), Math.round(wallSeconds * 10) / 10.0);
        summary = new Summary(figures, parts.stream().map(part -> part.figures(context)).toList(),
            deadLetters(http, opsToken));
      } catch (RuntimeException e) {
        throw new DemoFailure("could not read the summary from the twin: " + e.getMessage(), e);
      }
      summary.print(out);
      return summary;
    } finally {
      appThread.shutdownNow();
    }
  }

  /** Closes the parts (the resources of a try close in reverse order: before the MQTT link). */
  @FunctionalInterface
  private interface PartsRunning extends AutoCloseable {
    @Override
    void close();
  }

  private static String progressLine(SimClock clock, Instant simEnd, long realStart, DeviceLink devices, Twin twin,
      List<DemoPart> parts) {
    Instant now = clock.now().isBefore(simEnd) ? clock.now() : simEnd;
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%s sim, %3d s] %d MQTT messages sent, %d routed by the twin",
        clock.clockFace(now), (System.nanoTime() - realStart) / 1_000_000_000L, devices.sent(), twin.messagesReceived()));
    parts.forEach(part -> line.append("\n    ").append(part.progress()));
    return line.toString();
  }

  /** GET /ops/dead-letters: every refused message of the run, counted by topic and reason. */
  private static Summary.DeadLetterFigures deadLetters(TwinHttp http, String opsToken) {
    JsonNode letters = http.get("/ops/dead-letters?limit=" + DEAD_LETTER_PAGE, opsToken).require().path("deadLetters");
    Map<String, Integer> reasons = new LinkedHashMap<>();
    for (JsonNode letter : letters) {
      reasons.merge(letter.path("topic").asText() + ": " + letter.path("reason").asText(), 1, Integer::sum);
    }
    return new Summary.DeadLetterFigures(letters.size(), reasons);
  }

  private static void awaitApps(ExecutorService apps) {
    try {
      if (!apps.awaitTermination(IDLE_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new DemoFailure("the citizens' and operators' requests did not finish within " + IDLE_WAIT.toSeconds() + " s", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoFailure("interrupted", e);
    }
  }

  private static void awaitIdle(Twin twin, PrintStream out) {
    if (!twin.awaitIdle(IDLE_WAIT)) {
      out.printf("the twin was still busy after %d s (%d invocations in flight); the summary may miss some of it%n",
          IDLE_WAIT.toSeconds(), twin.invocationsInFlight());
    }
  }
}
