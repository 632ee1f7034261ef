package city.local.bench.dispatch;

import city.dispatch.core.AlertTally;
import city.dispatch.core.DispatchPolicy;
import city.dispatch.core.Incident;
import city.dispatch.core.IncidentSource;
import city.dispatch.core.Report;
import city.dispatch.core.Severity;
import city.dispatch.core.UnitState;
import city.dispatch.core.UnitStatus;
import city.local.bench.BenchArgs;
import city.local.bench.Benchmark;
import city.local.bench.TextTable;
import city.platform.GeoPoint;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * {@code ./city bench dispatch [--json]}: the pure dispatch policy's choice ({@code DispatchPolicy.next} over a
 * queue of one incident, which calls {@code nearest}) among 10, 1,000 and 10,000 generated units, all of the
 * incident's kind and available, at seeded random positions in a 0.2-degree box around the sample county's
 * centre; incidents at random positions in the same box. Each size runs for a fixed time after a warm-up.
 */
public final class DispatchBench implements Benchmark {
  static final List<Integer> SIZES = List.of(10, 1_000, 10_000);
  static final Set<String> SWITCHES = Set.of("--json");
  static final Duration BUDGET = Duration.ofSeconds(2);
  static final GeoPoint CENTRE = new GeoPoint(36.51, 118.53);
  static final double BOX_DEGREES = 0.2;
  private static final int INCIDENTS = 64;
  private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 28, 9, 0, 0, 0, ZoneOffset.ofHours(8));
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One size's figure: choices made and the mean time of one. */
  record Timing(int units, long choices, double nanosPerChoice) {}

  @Override
  public String name() {
    return "dispatch";
  }

  @Override
  public String usage() {
    return "[--json]";
  }

  @Override
  public void run(String[] args) throws Exception {
    BenchArgs parsed = BenchArgs.parse(args, Set.of(), SWITCHES);
    List<Timing> timings = measure(SIZES, BUDGET, 1);
    if (parsed.flag("--json")) {
      System.out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("budgetMillis", BUDGET.toMillis(),
          "timings", timings)));
    } else {
      System.out.print(report(timings, BUDGET));
    }
  }

  static List<Timing> measure(List<Integer> sizes, Duration budget, long seed) {
    List<Timing> timings = new ArrayList<>();
    for (int size : sizes) {
      Random random = new Random(seed);
      List<UnitState> units = units(size, random);
      List<List<Incident>> queues = new ArrayList<>();
      for (int i = 0; i < INCIDENTS; i++) {
        queues.add(List.of(incident("I" + i, random)));
      }
      run(queues, units, budget.dividedBy(4)); // warm-up: the JIT compiles the policy before it is timed
      long started = System.nanoTime();
      long choices = run(queues, units, budget);
      timings.add(new Timing(size, choices, (System.nanoTime() - started) / (double) choices));
    }
    return timings;
  }

  private static long run(List<List<Incident>> queues, List<UnitState> units, Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    long choices = 0;
    double checksum = 0;
    while (System.nanoTime() < deadline) {
      Optional<DispatchPolicy.Match> match = DispatchPolicy.next(queues.get((int) (choices % queues.size())), units);
      checksum += match.orElseThrow(() -> new IllegalStateException("no unit chosen")).distanceKm();
      choices++;
    }
    if (checksum < 0) {
      throw new IllegalStateException("negative distance"); // keeps the result alive for the JIT
    }
    return choices;
  }

  static List<UnitState> units(int count, Random random) {
    List<UnitState> units = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      units.add(new UnitState("U" + i, "fire", UnitStatus.AVAILABLE, position(random), T0, null, null, null, Set.of()));
    }
    return units;
  }

  private static Incident incident(String id, Random random) {
    Report report = new Report(IncidentSource.SENSOR, "F1", "fire", null, "fire", position(random), false, null, null, null, T0, null);
    return Incident.reported(id, report, Severity.HIGH, 1, new AlertTally(1, T0));
  }

  private static GeoPoint position(Random random) {
    return new GeoPoint(CENTRE.lat() + (random.nextDouble() - 0.5) * BOX_DEGREES,
        CENTRE.lon() + (random.nextDouble() - 0.5) * BOX_DEGREES);
  }

  static String report(List<Timing> timings, Duration budget) {
    TextTable table = new TextTable("units", "choices", "us/choice", "ns/unit", "x previous size's time");
    Timing previous = null;
    for (Timing t : timings) {
      table.row(t.units(), t.choices(), String.format(Locale.ROOT, "%.2f", t.nanosPerChoice() / 1000),
          String.format(Locale.ROOT, "%.1f", t.nanosPerChoice() / t.units()),
          previous == null ? "-" : String.format(Locale.ROOT, "%.1fx for %.0fx units", t.nanosPerChoice() / previous.nanosPerChoice(),
              (double) t.units() / previous.units()));
      previous = t;
    }
    return "dispatch: DispatchPolicy.next (one queued incident, nearest available unit of its kind), " + budget.toMillis()
        + " ms per size after a warm-up\n" + table.render()
        + growth(timings) + "\n";
  }

  /** The exponent k of time ~ units^k between the two largest sizes: 1 is linear (the policy scans every unit). */
  static String growth(List<Timing> timings) {
    if (timings.size() < 2) {
      return "growth: needs two sizes";
    }
    Timing small = timings.get(timings.size() - 2);
    Timing large = timings.get(timings.size() - 1);
    double exponent = Math.log(large.nanosPerChoice() / small.nanosPerChoice()) / Math.log((double) large.units() / small.units());
    return String.format(Locale.ROOT, "growth: time ~ units^%.2f from %d to %d units (1 is linear: each choice filters and "
        + "scans every unit)", exponent, small.units(), large.units());
  }
}
