package city.dispatch.core;

import city.platform.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the command centre reads of work orders: those reported in a window (the ledger, then one batch read), one
 * work order, and the figures. Without dates the window is the last {@value #DEFAULT_DAYS} days; it may span
 * {@value #MAX_DAYS} days at most.
 */
public final class WorkOrderQueries {
  public static final int DEFAULT_DAYS = 30;
  public static final int MAX_DAYS = 92;

  private final DispatchSettings settings;
  private final IncidentStore incidents;
  private final Clock clock;

  public WorkOrderQueries(DispatchSettings settings, IncidentStore incidents, Clock clock) {
    this.settings = settings;
    this.incidents = incidents;
    this.clock = clock;
  }

  /**
   * @param statuses incident statuses to keep; empty keeps all
   * @param overdueOnly only those supervision marked overdue (or due to be) and still open
   */
  public record Filter(Set<IncidentStatus> statuses, Optional<String> department, boolean overdueOnly,
      Optional<Instant> from, Optional<Instant> to) {}

  /** Newest first. */
  public List<Incident> list(Filter filter) {
    Instant to = filter.to().orElse(clock.instant());
    Instant from = filter.from().orElse(to.minus(Duration.ofDays(DEFAULT_DAYS)));
    var now = settings.at(clock.instant());
    return reported(from, to).stream()
        .filter(i -> filter.statuses().isEmpty() || filter.statuses().contains(i.status()))
        .filter(i -> filter.department().isEmpty() || filter.department().get().equals(i.workOrder().department()))
        .filter(i -> !filter.overdueOnly()
            || (i.status().active() && (i.workOrder().overdue() || Supervision.levelDue(i.workOrder(), now) > 0)))
        .sorted(Comparator.comparing((Incident i) -> i.report().reportedAt().toInstant()).reversed()
            .thenComparing(Incident::incidentId))
        .toList();
  }

  public Optional<Incident> workOrder(String workOrderId) {
    return incidents.find(workOrderId).filter(i -> i.workOrder() != null);
  }

  public WorkOrderStats stats(Optional<Instant> fromDate, Optional<Instant> toDate, Optional<String> department) {
    Instant to = toDate.orElse(clock.instant());
    Instant from = fromDate.orElse(to.minus(Duration.ofDays(DEFAULT_DAYS)));
    List<Incident> orders = reported(from, to).stream()
        .filter(i -> department.isEmpty() || department.get().equals(i.workOrder().department()))
        .toList();
    return WorkOrderStats.of(orders, settings.at(from), settings.at(to), settings.at(clock.instant()));
  }

  private List<Incident> reported(Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw new InvalidInput("from must be before to");
    }
    if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
      throw new InvalidInput("from and to may not span more than " + MAX_DAYS + " days");
    }
    List<String> ids = incidents.reported(from, to).stream().map(ReportedEntry::incidentId).distinct().toList();
    return incidents.findAll(ids).stream()
        .filter(i -> i.workOrder() != null)
        .filter(i -> !i.report().reportedAt().toInstant().isBefore(from) && i.report().reportedAt().toInstant().isBefore(to))
        .toList();
  }
}
