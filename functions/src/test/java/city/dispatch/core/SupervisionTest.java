package city.dispatch.core;

import static city.dispatch.core.Fixtures.T0;
import static city.dispatch.core.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.BusEvent;
import city.platform.GeoPoint;
import city.testing.MutableClock;
import city.testing.RecordingPublisher;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Deadlines and escalation levels: level 1 at a missed deadline, level 2 at twice the time allowed, each once. */
class SupervisionTest {
  private static final Deadlines DEADLINES = new Deadlines(Duration.ofMinutes(30), Duration.ofHours(24));
  private static final OffsetDateTime REPORTED = at(T0);

  private static WorkOrder order() {
    return WorkOrder.opened(Channel.PHONE, "urban-management", "pothole", DEADLINES, REPORTED, List.of());
  }

  @Test
  void deadlinesCountFromTheReport() {
    WorkOrder order = order();
    assertEquals(REPORTED.plusMinutes(30), order.acceptBy());
    assertEquals(REPORTED.plusHours(24), order.resolveBy());
    assertEquals(1, order.reportCount());
  }

  @Test
  void levelOneAtAMissedAcceptOrResolveDeadlineAndLevelTwoAtTwiceTheTimeAllowed() {
    WorkOrder order = order();
    assertEquals(0, Supervision.levelDue(order, REPORTED.plusMinutes(29)));
    assertEquals(1, Supervision.levelDue(order, REPORTED.plusMinutes(30)), "not accepted in time");
    WorkOrder accepted = order.accepted(REPORTED.plusMinutes(10));
    assertEquals(0, Supervision.levelDue(accepted, REPORTED.plusHours(23)), "accepted: only the resolve deadline counts");
    assertEquals(1, Supervision.levelDue(accepted, REPORTED.plusHours(24)));
    assertEquals(1, Supervision.levelDue(accepted, REPORTED.plusHours(47)));
    assertEquals(2, Supervision.levelDue(accepted, REPORTED.plusHours(48)));
  }

  @Test
  void aReopenedOrderGetsFreshDeadlinesAndSupervisionStartsOver() {
    OffsetDateTime reopenedAt = REPORTED.plusDays(3);
    WorkOrder reopened = order().escalated(2).closed(REPORTED.plusDays(2), "done").reopened(DEADLINES, reopenedAt);
    assertEquals(0, reopened.escalationLevel());
    assertEquals(reopenedAt.plusHours(24), reopened.resolveBy());
    assertEquals(1, reopened.reopenCount());
    assertEquals(Boolean.FALSE, reopened.closedOnTime(), "the first closure was late and stays so");
    assertEquals(0, Supervision.levelDue(reopened.accepted(reopenedAt), reopenedAt.plusHours(1)));
  }

  @Test
  void eachLevelIsPublishedAndWrittenOnce() {
    MemoryIncidentStore incidents = new MemoryIncidentStore();
    RecordingPublisher publisher = new RecordingPublisher();
    List<BusEvent> bus = new CopyOnWriteArrayList<>();
    MutableClock clock = new MutableClock(T0);
    DispatchSettings settings = Fixtures.settings(Duration.ofSeconds(90));
    HotlineSupervision supervision = new HotlineSupervision(settings, incidents, publisher,
        new IncidentEvents(bus::add), clock);
    Report report = new Report(IncidentSource.PHONE, "pothole", "pothole", null, "municipal", new GeoPoint(36.5, 118.5),
        false, null, null, null, REPORTED, "f");
    incidents.create(Incident.reported("R-1", report, null, 4, null).asWorkOrder(order()), Optional.empty());

    assertEquals(0, supervision.run());
    clock.set(T0.plus(Duration.ofMinutes(31)));
    assertEquals(1, supervision.run());
    assertEquals(0, supervision.run(), "level 1 once");
    clock.set(T0.plus(Duration.ofHours(49)));
    assertEquals(1, supervision.run());
    assertEquals(0, supervision.run(), "level 2 once");

    Incident stored = incidents.get("R-1");
    assertEquals(2, stored.workOrder().escalationLevel());
    assertTrue(stored.workOrder().overdue());
    assertEquals(2, stored.history().stream().filter(h -> h.event().equals("overdue")).count());
    assertEquals(List.of("ops/supervision/urban-management", "ops/supervision/urban-management"),
        publisher.sent.stream().map(RecordingPublisher.Sent::topic).toList());
    assertEquals(List.of("R-1/overdue/0/1", "R-1/overdue/0/2"),
        bus.stream().map(e -> e.detail().path("eventId").asText()).toList());
    assertEquals(List.of(IncidentEvents.OVERDUE, IncidentEvents.OVERDUE), bus.stream().map(BusEvent::detailType).toList());
  }

  @Test
  void aReopenedOrderEscalatesAgainOncePerLevelInItsNewRoundUnderTheRoundsIds() {
    MemoryIncidentStore incidents = new MemoryIncidentStore();
    List<BusEvent> bus = new CopyOnWriteArrayList<>();
    MutableClock clock = new MutableClock(T0);
    HotlineSupervision supervision = new HotlineSupervision(Fixtures.settings(Duration.ofSeconds(90)), incidents,
        new RecordingPublisher(), new IncidentEvents(bus::add), clock);
    Report report = new Report(IncidentSource.PHONE, "pothole", "pothole", null, "municipal", new GeoPoint(36.5, 118.5),
        false, null, null, null, REPORTED, "f");
    incidents.create(Incident.reported("R-1", report, null, 4, null).asWorkOrder(order()), Optional.empty());
    clock.set(T0.plus(Duration.ofMinutes(31)));
    assertEquals(1, supervision.run());
    Incident late = incidents.get("R-1");
    OffsetDateTime closedAt = REPORTED.plusHours(1);
    assertTrue(incidents.replace(late, late.resolvedByDepartment("ops-1", "filled", closedAt)));
    Incident closed = incidents.get("R-1");
    OffsetDateTime reopenedAt = REPORTED.plusHours(2);
    assertTrue(incidents.replace(closed, closed.reopened("citizen", DEADLINES, reopenedAt)));

    clock.set(reopenedAt.plusMinutes(29).toInstant());
    assertEquals(0, supervision.run(), "the new round's deadlines hold");
    clock.set(reopenedAt.plusMinutes(30).toInstant());
    assertEquals(1, supervision.run(), "level 1 again: the new accept deadline passed");
    assertEquals(0, supervision.run(), "once in this round");
    assertEquals(List.of("R-1/overdue/0/1", "R-1/overdue/1/1"),
        bus.stream().map(e -> e.detail().path("eventId").asText()).toList());
    assertEquals(List.of("deadline", "deadline"), bus.stream().map(e -> e.detail().path("cause").asText()).toList());
  }
}
