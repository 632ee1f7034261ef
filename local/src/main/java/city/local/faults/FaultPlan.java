package city.local.faults;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Which SDK calls of the twin's functions fail, and how: a rate per service and a seed, from a spec such as
 * {@code dynamodb:0.1,iot:0.2,events:0.2;seed=42} (the value of {@value #VARIABLE}).
 *
 * <p>The decision is a pure function of the seed, the call's fingerprint (service, operation and what it is
 * about: table and key, topic, event type) and how many times that fingerprint was seen before, so a run's
 * faults do not depend on how the threads of concurrent invocations interleave: the same request meets the
 * same sequence of faults and successes in every run with the same seed. Each attempt counts, so a retry of a
 * faulted request gets a fresh decision.
 */
public final class FaultPlan {
  /** The variable that switches fault injection on for a twin ({@code ./city up --faults SPEC} sets it). */
  public static final String VARIABLE = "CITY_FAULTS";
  public static final String FORMAT = "SERVICE:RATE[,SERVICE:RATE]...[;seed=N] with SERVICE dynamodb, iot or events and "
      + "RATE from 0 to 1, e.g. dynamodb:0.1,iot:0.2,events:0.2;seed=42";

  private static volatile FaultPlan active;

  private final Map<FaultTarget, Double> rates;
  private final long seed;
  private final Map<String, AtomicLong> seen = new ConcurrentHashMap<>();
  private final Map<Fault, LongAdder> injected = new EnumMap<>(Fault.class);
  private final LongAdder recovered = new LongAdder();
  private final LongAdder surfaced = new LongAdder();

  FaultPlan(Map<FaultTarget, Double> rates, long seed) {
    this.rates = Map.copyOf(rates);
    this.seed = seed;
    for (Fault fault : Fault.values()) {
      injected.put(fault, new LongAdder());
    }
  }

  public static FaultPlan parse(String spec) {
    String[] parts = spec.trim().split(";");
    Map<FaultTarget, Double> rates = new EnumMap<>(FaultTarget.class);
    for (String entry : parts[0].split(",")) {
      String[] pair = entry.trim().split(":");
      if (pair.length != 2) {
        throw new IllegalArgumentException(VARIABLE + ": '" + entry.trim() + "' is not SERVICE:RATE; expected " + FORMAT);
      }
      FaultTarget target = FaultTarget.named(pair[0].trim())
          .orElseThrow(() -> new IllegalArgumentException(VARIABLE + ": unknown service '" + pair[0].trim() + "'; expected " + FORMAT));
      double rate;
      try {
        rate = Double.parseDouble(pair[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(VARIABLE + ": rate '" + pair[1].trim() + "' is not a number; expected " + FORMAT);
      }
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException(VARIABLE + ": rate " + rate + " of " + target.wireName() + " is outside 0..1");
      }
      if (rates.put(target, rate) != null) {
        throw new IllegalArgumentException(VARIABLE + ": " + target.wireName() + " is given twice");
      }
    }
    long seed = 0;
    for (int i = 1; i < parts.length; i++) {
      String option = parts[i].trim();
      if (!option.startsWith("seed=")) {
        throw new IllegalArgumentException(VARIABLE + ": unknown option '" + option + "'; expected " + FORMAT);
      }
      try {
        seed = Long.parseLong(option.substring("seed=".length()).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(VARIABLE + ": seed '" + option.substring(5) + "' is not an integer");
      }
    }
    return new FaultPlan(rates, seed);
  }

  /** The plan of the running twin, if it injects faults (one twin per JVM, so one plan). */
  public static Optional<FaultPlan> active() {
    return Optional.ofNullable(active);
  }

  /** Started by the twin before any function runs; {@link #deactivate} when it stops. */
  public static void activate(FaultPlan plan) {
    active = plan;
  }

  public static void deactivate(FaultPlan plan) {
    if (active == plan) {
      active = null;
    }
  }

  /** The fault this attempt of a call meets, or null; the attempt counts against its fingerprint either way. */
  Fault decide(FaultTarget target, String fingerprint) {
    double rate = rates.getOrDefault(target, 0.0);
    if (rate == 0) {
      return null;
    }
    String key = target.wireName() + " " + fingerprint;
    long occurrence = seen.computeIfAbsent(key, k -> new AtomicLong()).getAndIncrement();
    long draw = mix(mix(seed ^ fnv64(key)) + occurrence);
    if ((draw >>> 11) * 0x1.0p-53 >= rate) {
      return null;
    }
    List<Fault> kinds = target.faults();
    return kinds.get((int) Long.remainderUnsigned(mix(draw), kinds.size()));
  }

  void injected(Fault fault) {
    injected.get(fault).increment();
  }

  /** A call that met an injected fault succeeded on a later attempt of the SDK's own retries. */
  void recovered() {
    recovered.increment();
  }

  /** A call's last attempt met an injected fault: the SDK gave up and the handler saw the exception. */
  void surfaced() {
    surfaced.increment();
  }

  /** Faults injected so far, by kind (every kind listed, zeros included). */
  public Map<Fault, Long> injected() {
    Map<Fault, Long> counts = new LinkedHashMap<>();
    injected.forEach((fault, count) -> counts.put(fault, count.sum()));
    return counts;
  }

  public long injectedTotal() {
    return injected.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Calls that met at least one injected fault and still succeeded through the SDK's retries. */
  public long recoveredBySdkRetries() {
    return recovered.sum();
  }

  /** Calls that failed with an injected fault after the SDK's retries: the handler saw them. */
  public long surfacedToHandlers() {
    return surfaced.sum();
  }

  public double rate(FaultTarget target) {
    return rates.getOrDefault(target, 0.0);
  }

  public long seed() {
    return seed;
  }

  @Override
  public String toString() {
    List<String> entries = new ArrayList<>();
    rates.forEach((target, rate) -> entries.add(target.wireName() + ":" + rate));
    return String.join(",", entries) + ";seed=" + seed;
  }

  /** One line for logs and tests: the plan and what it injected. */
  public String summary() {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "faults %s: %d injected", this, injectedTotal()));
    injected().forEach((fault, count) -> line.append(String.format(Locale.ROOT, ", %s %d", fault.label(), count)));
    line.append(String.format(Locale.ROOT, "; %d calls recovered by SDK retries, %d surfaced to handlers",
        recoveredBySdkRetries(), surfacedToHandlers()));
    return line.toString();
  }

  private static long fnv64(String text) {
    long hash = 0xCBF29CE484222325L;
    for (int i = 0; i < text.length(); i++) {
      hash = (hash ^ text.charAt(i)) * 0x100000001B3L;
    }
    return hash;
  }

  /** SplitMix64's finaliser: spreads neighbouring inputs over the whole range. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
