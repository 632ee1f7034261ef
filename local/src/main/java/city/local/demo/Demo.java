package city.local.demo;

import city.catalog.Catalog;
import city.catalog.Schedule;
import city.local.RepoRoot;
import city.local.Twin;
import city.local.TwinOptions;
import city.platform.City;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * {@code ./city demo}: starts an in-memory twin on free ports, lets the county's devices publish over MQTT
 * in accelerated time (parking sensors and cameras, safety sensors and response units, docks and trucks),
 * has citizens pay and residents report over HTTP, prints progress, then a summary read from the twin's own
 * API.
 *
 * <p>The twin's clock is real time while the devices' clock is accelerated: dispatch's acknowledgement
 * timeout and its sweep are therefore shortened to what {@link #ACK_TIMEOUT} of simulated time takes on the
 * wall clock, so an ignored order is escalated within the run.
 */
public final class Demo {
  /** Simulated time a crew has to accept an order; the twin gets its real-time equivalent. */
  static final Duration ACK_TIMEOUT = Duration.ofMinutes(20);
  private static final Duration SHORTEST_ACK_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
  private static final Duration IDLE_WAIT = Duration.ofSeconds(60);
  private static final String SWEEP_FUNCTION = "DispatchSweep";
  private static final double PAYING_MIDWAY = 0.5;
  private static final double PAYING_AT_END = 0.3;
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

    Duration ackTimeout = longest(SHORTEST_ACK_TIMEOUT, clock.real(ACK_TIMEOUT));
    Duration sweepEvery = longest(Duration.ofMillis(250), ackTimeout.dividedBy(4));
    TwinOptions twinOptions = TwinOptions.inMemory().withCityFile(cityFile).withAckTimeout(Optional.of(ackTimeout));
    for (Schedule schedule : Catalog.schedules()) {
      if (schedule.functionId().equals(SWEEP_FUNCTION)) {
        twinOptions = twinOptions.withSchedulePeriod(schedule.name(), sweepEvery);
      }
    }

    twinOptions = twinSetup.apply(twinOptions);

    out.printf(Locale.ROOT, "city demo: %s, %d simulated minutes from %s (%s) at %.0fx, seed %d%n", city.name(),
        options.simMinutes(), START.format(localStart), zone, options.speed(), options.seed());
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
      out.printf(Locale.ROOT, "  dispatch ack timeout %.2f s (%d simulated minutes), sweep every %.2f s%n",
          ackTimeout.toMillis() / 1000.0, ACK_TIMEOUT.toMinutes(), sweepEvery.toMillis() / 1000.0);
      out.println("  ops token for this run: " + opsToken);
      out.flush();
      return simulate(options, city, clock, simEnd, twin, opsToken, out, wallStart);
    }
  }

  private static Summary simulate(DemoOptions options, City city, SimClock clock, Instant simEnd, Twin twin,
      String opsToken, PrintStream out, long wallStart) {
    TwinHttp http = new TwinHttp(twin.httpEndpoint());
    ExecutorService appThread = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "demo-apps");
      thread.setDaemon(true);
      return thread;
    });
    // what citizens' and operators' apps do runs off the devices' timeline; a failed request is reported, and
    // the summary shows what it left undone
    Executor apps = task -> appThread.execute(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        System.err.println("demo: an app request failed: " + e.getMessage());
      }
    });
    try (DeviceLink devices = new DeviceLink(twin.mqttPort(), options.seed())) {
      EventLoop loop = new EventLoop(clock);
      CitizenPayments payments = new CitizenPayments(http,
          (subject, plates) -> twin.token(subject, "citizen", plates), options.seed());
      ParkingSimulation parking = new ParkingSimulation(city, clock, devices, loop, options.seed());
      DispatchSimulation dispatch = new DispatchSimulation(city, clock, devices, loop, http, apps, options.seed());
      BikeshareSimulation bikeshare = new BikeshareSimulation(city, clock, devices, loop, http, apps, opsToken,
          options.seed());
      Instant simStart = clock.start();
      parking.start(simStart, simEnd);
      dispatch.start(simStart, simEnd);
      bikeshare.start(simStart, simEnd);
      Duration run = Duration.between(simStart, simEnd);
      loop.at(simStart.plus(run.multipliedBy(6).dividedBy(10)), at -> {
        List<String> plates = parking.departedPlates();
        apps.execute(() -> payments.payShare(plates, PAYING_MIDWAY));
      });

      out.printf(Locale.ROOT, "simulating %s of devices in about %.0f s; progress every %d s%n", run,
          options.realDuration().toMillis() / 1000.0, PROGRESS_EVERY.toSeconds());
      out.flush();
      clock.begin();
      long realStart = System.nanoTime();
      try (Progress progress = new Progress(out, PROGRESS_EVERY, () -> String.format(Locale.ROOT,
          "[%s sim, %3d s] %d MQTT messages sent, %d routed by the twin%n    %s; %d payments%n    %s%n    %s",
          clock.clockFace(min(clock.now(), simEnd)), (System.nanoTime() - realStart) / 1_000_000_000L, devices.sent(),
          twin.messagesReceived(), parking.progress(), payments.payments(), dispatch.progress(), bikeshare.progress()))) {
        loop.run(simEnd);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DemoFailure("interrupted", e);
      }
      parking.flush();
      appThread.shutdown();
      awaitApps(appThread);
      out.printf(Locale.ROOT, "simulated time is up (%s); waiting for the twin to handle what it received%n",
          clock.clockFace(simEnd));
      out.flush();
      awaitIdle(twin, out);
      payments.payShare(parking.departedPlates(), PAYING_AT_END);
      awaitIdle(twin, out);

      Summary summary;
      try {
        SummaryReader reader = new SummaryReader(http, opsToken);
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        summary = new Summary(
            new Summary.RunFigures(clock.deviceTime(clock.start()), clock.deviceTime(simEnd), options.simMinutes(),
                options.speed(), options.seed(), devices.sent(), devices.duplicated(), parking.heldBack(),
                devices.received(), twin.messagesReceived(), Math.round(wallSeconds * 10) / 10.0),
            reader.parking(clock.start().atZone(clock.zone()).toLocalDate(),
                simEnd.atZone(clock.zone()).toLocalDate().plusDays(1), parking.spaces(), payments.tally()),
            reader.dispatch(dispatch.alerts(), dispatch.repeatedAlerts(), dispatch.reports(), dispatch.orders(),
                dispatch.silences()),
            reader.bikeshare(bikeshare.taskListsAdopted(), bikeshare.bikesPickedUp(), bikeshare.bikesDropped()),
            reader.deadLetters());
      } catch (RuntimeException e) {
        throw new DemoFailure("could not read the summary from the twin: " + e.getMessage(), e);
      }
      summary.print(out);
      return summary;
    } finally {
      appThread.shutdownNow();
    }
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

  private static Duration longest(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
