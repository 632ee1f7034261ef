package city.local.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a demo run did and what the twin made of it: each part's figures (read over the twin's HTTP API,
 * as an operator's dashboard would, and counted by the simulation), a line per rule of the city bus, then the
 * dead letters.
 */
public record Summary(RunFigures run, List<DemoFigures> parts, DeadLetterFigures deadLetters) {
  /** The rules that join the domains (issue 12), one summary line each. */
  public static final int CITY_BUS_RULES = 4;

  /**
   * @param messagesSent MQTT publishes by the simulated devices, repeats and malformed ones included
   * @param messagesRouted messages the twin's rules engine routed (device and cloud-to-device publishes)
   */
  public record RunFigures(String simStart, String simEnd, int simMinutes, double speed, long seed, long messagesSent,
      long duplicatesSent, long messagesReceived, long messagesRouted, double wallSeconds) {}

  /** GET /ops/dead-letters: how many, and how many of each reason. */
  public record DeadLetterFigures(int count, Map<String, Integer> reasons) {}

  /** The figures of one part, by their type. */
  public <T extends DemoFigures> T part(Class<T> type) {
    return parts.stream().filter(type::isInstance).map(type::cast).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no demo part made " + type.getSimpleName()));
  }

  /** What the run showed of a rule of the city bus; a rule no part showed is a line that says so. */
  public CityBusLine cityBus(int rule) {
    return parts.stream().flatMap(part -> part.cityBus().stream()).filter(line -> line.rule() == rule).findFirst()
        .orElse(new CityBusLine(rule, false, "NOT shown: no part of this demo ran it"));
  }

  public void print(PrintStream out) {
    out.println();
    out.println("== summary ==");
    out.printf(Locale.ROOT, "run        %s -> %s (%d sim minutes at %.0fx, seed %d) in %.1f s wall time%n",
        run.simStart(), run.simEnd(), run.simMinutes(), run.speed(), run.seed(), run.wallSeconds());
    out.printf(Locale.ROOT, "MQTT       %d messages sent by devices (%d sent twice), %d received by devices; twin routed %d%n",
        run.messagesSent(), run.duplicatesSent(), run.messagesReceived(), run.messagesRouted());
    parts.forEach(part -> part.print(out, run));
    for (int rule = 1; rule <= CITY_BUS_RULES; rule++) {
      out.printf(Locale.ROOT, "%-11s%d %s%n", rule == 1 ? "city bus" : "", rule, cityBus(rule).text());
    }
    out.printf(Locale.ROOT, "dead letters %d%n", deadLetters.count());
    deadLetters.reasons().forEach((reason, count) -> out.printf(Locale.ROOT, "           %d x %s%n", count, reason));
    out.flush();
  }
}
