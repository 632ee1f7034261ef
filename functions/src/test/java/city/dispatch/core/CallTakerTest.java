package city.dispatch.core;

import static city.dispatch.core.Fixtures.T0;
import static city.dispatch.core.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.GeoPoint;
import city.testing.MutableClock;
import city.testing.RecordingPublisher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Anonymous urgent reports wait for a call-taker; everything else is dispatched at once, as before. */
class CallTakerTest {
  private final MemoryIncidentStore incidents = new MemoryIncidentStore();
  private final MemoryUnitStore units = new MemoryUnitStore();
  private final RecordingPublisher publisher = new RecordingPublisher();
  private final MutableClock clock = new MutableClock(T0);
  private final DispatchSettings settings = Fixtures.settings(Duration.ofSeconds(90));
  private final Dispatcher dispatcher = new Dispatcher(settings, incidents, units, publisher, clock);
  private final Open311Desk desk = new Open311Desk(settings, incidents, dispatcher, clock);
  private final CallTaker callTaker = new CallTaker(settings, incidents, dispatcher, clock);

  private void available(String unitId) {
    Unit unit = Fixtures.unit(unitId);
    units.applyStatus(new UnitStatusReport(unitId, unit.kind(), UnitStatus.AVAILABLE, unit.home(), at(T0)), at(T0));
  }

  private Incident submit(String serviceCode, boolean signedIn) {
    ServiceRequest request = ServiceRequest.parse(Map.of("service_code", serviceCode, "lat", "36.52", "long", "118.50"),
        settings);
    return desk.submit(request, Optional.empty(), Channel.OPEN311, signedIn ? Optional.of("c-1") : Optional.empty()).incident();
  }

  @Test
  void onlyAnonymousReportsUpToTheConfiguredPriorityWait() {
    assertTrue(DispatchPolicy.needsConfirmation(1, false, 1));
    assertFalse(DispatchPolicy.needsConfirmation(2, false, 1), "a collision report is dispatched at once");
    assertFalse(DispatchPolicy.needsConfirmation(1, true, 1), "a signed-in citizen is dispatched at once");
    assertFalse(DispatchPolicy.needsConfirmation(1, false, 0), "0 turns the rule off");
    assertTrue(DispatchPolicy.needsConfirmation(2, false, 2));
  }

  @Test
  void anAnonymousFireReportSendsNoUnitUntilConfirmed() {
    available("F1");
    Incident waiting = submit("fire", false);
    assertEquals(IncidentStatus.AWAITING_CONFIRMATION, waiting.status());
    assertEquals(0, dispatcher.drain("fire"), "not in the queue");
    assertEquals(List.of(), publisher.sent);
    assertTrue(Open311Status.notes(waiting).contains("call-taker"));
    assertEquals("open", Open311Status.of(waiting));

    CallTaker.Decision confirmed = callTaker.confirm(waiting.incidentId(), "ops-7").orElseThrow();
    assertEquals(CallTaker.Outcome.DECIDED, confirmed.outcome());
    assertEquals(IncidentStatus.ASSIGNED, confirmed.incident().status());
    assertEquals("F1", confirmed.incident().assignment().unitId());
    assertEquals(List.of("reported", "awaiting-confirmation", "confirmed", "assigned"),
        confirmed.incident().history().stream().map(HistoryEntry::event).toList());
    assertEquals("by ops-7", confirmed.incident().history().get(2).detail());
    assertEquals(CallTaker.Outcome.ALREADY, callTaker.confirm(waiting.incidentId(), "ops-8").orElseThrow().outcome());
    assertEquals(CallTaker.Outcome.CONFLICT, callTaker.reject(waiting.incidentId(), "ops-8", null).orElseThrow().outcome());
    assertEquals(1, publisher.sent.size());
  }

  @Test
  void aConfirmationThatDiedBeforeDispatchingIsFinishedByItsRetry() {
    Incident waiting = submit("fire", false);
    incidents.replace(waiting, waiting.confirmed("ops-7", at(T0)));
    available("F1");
    CallTaker.Decision retried = callTaker.confirm(waiting.incidentId(), "ops-7").orElseThrow();
    assertEquals(CallTaker.Outcome.ALREADY, retried.outcome());
    assertEquals(IncidentStatus.ASSIGNED, retried.incident().status());
  }

  @Test
  void aRejectedReportIsClosedWithoutAUnitAndSaysSo() {
    available("F1");
    Incident waiting = submit("fire", false);
    CallTaker.Decision rejected = callTaker.reject(waiting.incidentId(), "ops-7", "duplicate of a sensor alert").orElseThrow();
    assertEquals(CallTaker.Outcome.DECIDED, rejected.outcome());
    assertEquals(IncidentStatus.CLOSED, rejected.incident().status());
    assertEquals("closed", Open311Status.of(rejected.incident()));
    assertTrue(Open311Status.notes(rejected.incident()).contains("no unit was sent"));
    assertEquals(CallTaker.Outcome.ALREADY, callTaker.reject(waiting.incidentId(), "ops-7", null).orElseThrow().outcome());
    assertEquals(CallTaker.Outcome.CONFLICT, callTaker.confirm(waiting.incidentId(), "ops-7").orElseThrow().outcome());
    assertEquals(List.of(), publisher.sent);
    assertTrue(units.units.get("F1").dispatchable());
  }

  @Test
  void signedInAndLessUrgentReportsAndSensorAlertsAreDispatchedAsBefore() {
    available("F1");
    available("P1");
    assertEquals(IncidentStatus.ASSIGNED, submit("fire", true).status());
    assertEquals(IncidentStatus.ASSIGNED, submit("flooding", false).status(), "priority 3, anonymous");
    Incident alert = Fixtures.queued("A1", "fire", 1, new GeoPoint(36.52, 118.50), T0);
    incidents.create(alert, Optional.empty());
    assertEquals(CallTaker.Outcome.CONFLICT, callTaker.confirm("A1", "ops-7").orElseThrow().outcome(),
        "a sensor alert never awaits confirmation");
    assertEquals(Optional.empty(), callTaker.confirm("nope", "ops-7"));
  }
}
