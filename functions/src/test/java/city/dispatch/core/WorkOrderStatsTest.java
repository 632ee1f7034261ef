package city.dispatch.core;

import static city.dispatch.core.Fixtures.T0;
import static city.dispatch.core.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import city.platform.GeoPoint;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The county's figures against a hand-made set of five work orders in two departments, worked out by hand below. */
class WorkOrderStatsTest {
  private static final Deadlines DAY = new Deadlines(Duration.ofMinutes(30), Duration.ofHours(24));
  private static final OffsetDateTime NOW = at(T0.plus(Duration.ofHours(40)));

  private static Incident reported(String id, String department, Channel channel, Duration after) {
    OffsetDateTime at = at(T0.plus(after));
    IncidentSource source = channel == Channel.SENSOR ? IncidentSource.SENSOR : IncidentSource.OPEN311;
    Report report = new Report(source, "pothole", "pothole", null, "municipal", new GeoPoint(36.5, 118.5), false, null,
        null, null, at, "f");
    return Incident.reported(id, report, null, 4, null)
        .asWorkOrder(WorkOrder.opened(channel, department, "pothole", DAY, at, List.of()));
  }

  private static Incident closedAfter(Incident incident, Duration after) {
    return incident.resolvedByDepartment("ops-1", "done", at(T0.plus(after)));
  }

  private static Incident accepted(Incident incident, Duration after) {
    return incident.asWorkOrder(incident.workOrder().accepted(at(T0.plus(after))));
  }

  /**
   * A1 phoned in, closed after 2 h (on time), rated 5. A2 reported twice, closed after 30 h (late), rated 2 and
   * reopened at 31 h, accepted again. A3 still open past its 24 h: overdue. B1 a sensor's, closed after 1 h, not rated.
   * B2 phoned in at 20 h, accepted, due at 44 h: open, not overdue at 40 h.
   */
  private static List<Incident> handMade() {
    Incident a1 = reported("A1", "a", Channel.PHONE, Duration.ZERO);
    a1 = closedAfter(a1, Duration.ofHours(2)).rated("citizen", 5, null, at(T0.plus(Duration.ofHours(3))));
    Incident a2 = reported("A2", "a", Channel.OPEN311, Duration.ZERO)
        .joined(new Reporter("R-x", Channel.OPEN311, null, at(T0))).orElseThrow();
    a2 = closedAfter(a2, Duration.ofHours(30)).rated("citizen", 2, "still bumpy", at(T0.plus(Duration.ofHours(31))))
        .reopened("citizen", DAY, at(T0.plus(Duration.ofHours(31))));
    a2 = accepted(a2, Duration.ofMinutes(31 * 60 + 10));
    Incident a3 = reported("A3", "a", Channel.OPEN311, Duration.ZERO);
    Incident b1 = closedAfter(reported("B1", "b", Channel.SENSOR, Duration.ZERO), Duration.ofHours(1));
    Incident b2 = accepted(reported("B2", "b", Channel.PHONE, Duration.ofHours(20)), Duration.ofHours(21));
    return List.of(b2, a3, a1, b1, a2);
  }

  @Test
  void theTotalAndEachDepartmentAreExact() {
    WorkOrderStats stats = WorkOrderStats.of(handMade(), at(T0), NOW, NOW);

    WorkOrderStats.Figures total = stats.total();
    assertEquals(new WorkOrderStats.Figures(null, 5, 6, 3, 2, 2.0 / 3, 1, 120.0, 2, 1, 0.5, 1,
        Map.of("sensor", 1, "open311", 2, "phone", 2, "system", 0)), total);

    assertEquals(List.of("a", "b"), stats.departments().stream().map(WorkOrderStats.Figures::department).toList());
    assertEquals(new WorkOrderStats.Figures("a", 3, 4, 2, 1, 0.5, 1, 960.0, 2, 1, 0.5, 1,
        Map.of("sensor", 0, "open311", 2, "phone", 1, "system", 0)), stats.departments().get(0));
    WorkOrderStats.Figures b = stats.departments().get(1);
    assertEquals(new WorkOrderStats.Figures("b", 2, 2, 1, 1, 1.0, 0, 60.0, 0, 0, null, 0,
        Map.of("sensor", 1, "open311", 0, "phone", 1, "system", 0)), b);
  }

  @Test
  void noClosureAndNoRatingGiveNoRatesRatherThanZero() {
    WorkOrderStats.Figures none = WorkOrderStats.of(List.of(reported("A3", "a", Channel.OPEN311, Duration.ZERO)),
        at(T0), at(T0.plusSeconds(60)), at(T0.plusSeconds(60))).total();
    assertNull(none.onTimeRate());
    assertNull(none.satisfactionRate());
    assertNull(none.medianResolveMinutes());
    assertEquals(0, none.overdueOpen(), "not due yet");
  }
}
