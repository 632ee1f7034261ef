package city.local.profile;

import city.catalog.Catalog;
import city.catalog.FunctionSpec;
import city.catalog.Schedule;
import city.local.RepoRoot;
import city.local.TwinOptions;
import city.local.bench.Benchmark;
import city.local.cost.EventProfile;
import city.local.cost.UsageProfile;
import city.local.demo.Demo;
import city.local.demo.DemoOptions;
import city.platform.AwsClients;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code ./city bench profile}: runs the sample county's demo on an in-memory twin with a {@link UsageMeter}
 * attached, then the {@link ProfileScenes} the demo does not play (on a twin of their own, the same meter), and writes
 * the per-event profile the cost estimator reads ({@link UsageProfile#FILE}). Functions neither invokes keep their
 * {@code estimate} entries; one without any entry is an error.
 */
public final class ProfileBench implements Benchmark {
  static final String USAGE = """
      usage: city bench profile [--sim-minutes N] [--speed X] [--seed S] [--out FILE] [--only ID,ID...]
        runs the sample county's demo (default 240 simulated minutes at 240x, seed 1), then the profile scenes (an
        incident at a space and a station, silent devices, ops snapshots), with request-unit and invocation metering,
        then writes the per-event profile (default infra/cost/profile.json); with --only, only the named functions'
        entries are replaced and every other entry is kept as it was (e.g. measured on a quieter machine)""";

  /** Twin timers resolve no finer than this. */
  static final Duration SHORTEST_PERIOD = Duration.ofSeconds(1);

  @Override
  public String name() {
    return "profile";
  }

  @Override
  public String usage() {
    return "[--sim-minutes N] [--speed X] [--seed S] [--out FILE] [--only ID,ID...]";
  }

  @Override
  public void run(String[] args) {
    main(args);
  }

  public static void main(String[] args) {
    DemoOptions demo = DemoOptions.defaults();
    Path out = RepoRoot.find().resolve(UsageProfile.FILE);
    Optional<Set<String>> only = Optional.empty();
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      if (value == null) {
        fail(args[i] + " needs a value");
      }
      switch (args[i]) {
        case "--sim-minutes" -> demo = demo.withSimMinutes(Long.parseLong(value));
        case "--speed" -> demo = demo.withSpeed(Double.parseDouble(value));
        case "--seed" -> demo = demo.withSeed(Long.parseLong(value));
        case "--out" -> out = Path.of(value);
        case "--only" -> only = Optional.of(Set.of(value.split(",")));
        default -> fail("unknown option " + args[i]);
      }
    }
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    UsageProfile previous = Files.exists(out) ? UsageProfile.read(out) : new UsageProfile("", List.of());
    UsageProfile profile = run(demo, previous, only, Instant.now().truncatedTo(ChronoUnit.SECONDS), System.out);
    profile.write(out);
    System.out.println("wrote " + out);
    System.exit(0);
  }

  private static void fail(String message) {
    System.err.println("city bench profile: " + message + "\n" + USAGE);
    System.exit(2);
  }

  /** Runs the metered demo and returns the new profile: measured entries, and the previous estimates for the rest. */
  public static UsageProfile run(DemoOptions demo, UsageProfile previous, Instant now, PrintStream out) {
    return run(demo, previous, Optional.empty(), now, out);
  }

  /**
   * The same; with {@code only}, a function outside it keeps its previous entry whatever its source, and takes the new
   * measurement only when it had none.
   */
  public static UsageProfile run(DemoOptions demo, UsageProfile previous, Optional<Set<String>> only, Instant now,
      PrintStream out) {
    String measuredBy = String.format(Locale.ROOT, "./city bench profile: the sample county's demo, %d simulated minutes "
        + "at %.0fx, seed %d, on the in-memory twin (dynalite request units as DynamoDB bills them, plus refused "
        + "conditional writes and index writes that dynalite does not report), schedules at their cloud period in "
        + "simulated time; billed ms is the median handler wall time in the twin's JVM, a twin measurement, not Lambda's "
        + "(the machine's 1-minute load average was %s at the start: a loaded machine inflates the ms, not the units)",
        demo.simMinutes(), demo.speed(), demo.seed(), loadAverage());
    out.printf(Locale.ROOT, "city bench profile: running the sample county's demo (%d simulated minutes, about %d s)%n",
        demo.simMinutes(), demo.realDuration().toSeconds());
    out.flush();
    UsageMeter meter = new UsageMeter();
    Map<String, FunctionUsage.Totals> byDemo = new TreeMap<>();
    Map<String, FunctionUsage.Totals> emptyCity = new TreeMap<>();
    Map<String, FunctionUsage.Totals> totals = withInterceptor(() -> {
      ByteArrayOutputStream demoOutput = new ByteArrayOutputStream();
      Demo.run(demo, twin -> simulatedSchedules(twin, demo.speed()).withInvocationObserver(meter), new PrintStream(demoOutput, true, StandardCharsets.UTF_8));
      byDemo.putAll(meter.totals());
      out.println("city bench profile: playing " + ProfileScenes.DESCRIPTION);
      out.flush();
      ProfileScenes.play(twin -> twin.withInvocationObserver(meter));
      out.println("city bench profile: " + EmptyCityRuns.DESCRIPTION);
      out.flush();
      emptyCity.putAll(EmptyCityRuns.measure());
      return meter.totals();
    });
    Set<String> scheduled = new TreeSet<>();
    Catalog.standard().schedules().forEach(schedule -> scheduled.add(schedule.functionId()));

    List<EventProfile> entries = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    out.printf("%-24s %8s %8s %8s %8s %9s %9s  %s%n", "function", "invoked", "scenes", "RRU/inv", "WRU/inv", "ms/inv", "pub/inv",
        "source");
    for (FunctionSpec function : Catalog.standard().functions()) {
      FunctionUsage.Totals measured = totals.get(function.id());
      boolean replaced = only.map(ids -> ids.contains(function.id())).orElse(true);
      Optional<EventProfile> kept = previous.function(function.id())
          .filter(e -> !replaced || e.source().equals(EventProfile.ESTIMATE));
      EventProfile entry;
      if (!replaced && kept.isPresent()) {
        entry = kept.get();
      } else if (measured != null && measured.invocations() > 0) {
        double n = measured.invocations();
        entry = new EventProfile(function.id(), EventProfile.MEASURED, measured.invocations(),
            round(measured.readUnits() / n), round(measured.writeUnits() / n), round(measured.dynamoDbRequests() / n),
            round(measured.medianHandlerNanos() / 1e6), round(measured.iotPublishes() / n),
            measuredBy + scenesShare(measured.invocations() - demoInvocations(byDemo, function.id()), measured.invocations()),
            now.toString(), null);
        FunctionUsage.Totals floor = emptyCity.get(function.id());
        if (scheduled.contains(function.id()) && floor != null && floor.invocations() > 0) {
          double runs = floor.invocations();
          entry = entry.withEmptyCity(new EventProfile.EmptyCity(floor.invocations(), round(floor.readUnits() / runs),
              round(floor.writeUnits() / runs), round(floor.medianHandlerNanos() / 1e6), round(floor.iotPublishes() / runs),
              EmptyCityRuns.DESCRIPTION + ", on the in-memory twin (the machine's 1-minute load average was "
                  + loadAverage() + ")", now.toString()));
        }
      } else if (kept.isPresent()) {
        entry = kept.get();
      } else {
        missing.add(function.id());
        continue;
      }
      entries.add(entry);
      boolean fresh = entry.measuredAt().equals(now.toString());
      long scenes = fresh ? entry.invocationsMeasured() - demoInvocations(byDemo, function.id()) : 0;
      out.printf(Locale.ROOT, "%-24s %8d %8d %8.3f %8.3f %9.1f %9.3f  %s%n", function.id(), entry.invocationsMeasured(), scenes,
          entry.readRequestUnitsPerInvocation(), entry.writeRequestUnitsPerInvocation(), entry.billedMsPerInvocation(),
          entry.iotPublishesPerInvocation(), entry.source() + (fresh ? "" : " (kept)"));
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("neither the demo nor the profile scenes invoked " + missing + " and the profile has no estimate for them: "
          + "add one with its reason to " + UsageProfile.FILE);
    }
    return new UsageProfile("Per-invocation usage of every function, read by ./city cost. Measured entries come from "
        + "./city bench profile; estimate entries are functions neither the demo nor the profile scenes reach, each with its reason.", entries);
  }

  private static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "not available" : String.format(Locale.ROOT, "%.1f on %d cores", load, Runtime.getRuntime().availableProcessors());
  }

  private static long demoInvocations(Map<String, FunctionUsage.Totals> byDemo, String functionId) {
    FunctionUsage.Totals demo = byDemo.get(functionId);
    return demo == null ? 0 : demo.invocations();
  }

  /** Which of an entry's invocations the scenes played, when they played any. */
  private static String scenesShare(long scenes, long all) {
    return scenes == 0 ? "" : String.format(Locale.ROOT, "; %d of the %d invocations from %s", scenes, all, ProfileScenes.DESCRIPTION);
  }

  /**
   * A scheduled run finds the work of one period, so the demo's accelerated city needs the schedules accelerated
   * alike (the cloud's 5 minutes are 1.25 s at 240x); the periods the demo sets itself stay.
   */
  private static TwinOptions simulatedSchedules(TwinOptions twin, double speed) {
    TwinOptions accelerated = twin;
    for (Schedule schedule : Catalog.standard().schedules()) {
      if (!twin.schedulePeriods().containsKey(schedule.name())) {
        Duration period = Duration.ofMillis(Math.round(schedule.period().toMillis() / speed));
        accelerated = accelerated.withSchedulePeriod(schedule.name(), period.compareTo(SHORTEST_PERIOD) < 0 ? SHORTEST_PERIOD : period);
      }
    }
    return accelerated;
  }

  /** The functions' SDK clients take the meter's interceptor from the configuration the twin's handlers read. */
  private static <T> T withInterceptor(java.util.function.Supplier<T> run) {
    String previous = System.getProperty(AwsClients.SDK_INTERCEPTORS);
    System.setProperty(AwsClients.SDK_INTERCEPTORS, MeteringInterceptor.class.getName());
    try {
      return run.get();
    } finally {
      if (previous == null) {
        System.clearProperty(AwsClients.SDK_INTERCEPTORS);
      } else {
        System.setProperty(AwsClients.SDK_INTERCEPTORS, previous);
      }
    }
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
