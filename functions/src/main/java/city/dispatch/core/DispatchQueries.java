package city.dispatch.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the dispatch desk reads: incidents by status, one incident, the units, response times. */
public final class DispatchQueries {
  public static final int DEFAULT_CLOSED_DAYS = 1;
  public static final int MAX_DAYS = 90;
  public static final int DEFAULT_STATS_HOURS = 24;

  private final DispatchSettings settings;
  private final IncidentStore incidents;
  private final UnitStore units;
  private final Clock clock;

  public DispatchQueries(DispatchSettings settings, IncidentStore incidents, UnitStore units, Clock clock) {
    this.settings = settings;
    this.incidents = incidents;
    this.units = units;
    this.clock = clock;
  }

  /** A provisioned unit with what it last said and holds, in the city file's order. */
  public record UnitOnDuty(Unit unit, UnitState state) {}

  /**
   * Active incidents come from the status index of every kind; closed ones only from the last {@code closedDays},
   * since the closed are many. Ordered by status, then as the queue would take them.
   */
  public List<Incident> incidents(Set<IncidentStatus> statuses, int closedDays) {
    List<Incident> found = new ArrayList<>();
    for (IncidentStatus status : statuses) {
      if (status.active()) {
        settings.kinds().forEach(kind -> found.addAll(incidents.active(status, kind)));
      }
    }
    if (statuses.contains(IncidentStatus.CLOSED)) {
      Instant now = clock.instant();
      List<String> ids = incidents.reported(now.minus(Duration.ofDays(closedDays)), now).stream()
          .map(ReportedEntry::incidentId).distinct().toList();
      incidents.findAll(ids).stream().filter(i -> !i.status().active()).forEach(found::add);
    }
    return found.stream()
        .sorted(Comparator.comparing(Incident::status).thenComparing(DispatchPolicy.QUEUE_ORDER))
        .toList();
  }

  public Optional<Incident> incident(String incidentId) {
    return incidents.find(incidentId);
  }

  public List<UnitOnDuty> units() {
    List<Unit> fleet = settings.units();
    List<UnitState> states = new UnitRoster(units).states(fleet);
    List<UnitOnDuty> onDuty = new ArrayList<>();
    for (int i = 0; i < states.size(); i++) {
      onDuty.add(new UnitOnDuty(fleet.get(i), states.get(i)));
    }
    return onDuty;
  }

  /** Response times of the incidents reported in the last {@code hours}. */
  public DispatchStatistics statistics(int hours) {
    Instant to = clock.instant();
    Instant from = to.minus(Duration.ofHours(hours));
    List<String> ids = incidents.reported(from, to).stream().map(ReportedEntry::incidentId).distinct().toList();
    List<Incident> reported = incidents.findAll(ids).stream()
        .filter(i -> !i.report().reportedAt().toInstant().isBefore(from))
        .toList();
    return DispatchStatistics.of(reported, settings.at(from), settings.at(to));
  }
}
