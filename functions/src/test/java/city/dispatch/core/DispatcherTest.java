package city.dispatch.core;

import static city.dispatch.core.Fixtures.T0;
import static city.dispatch.core.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.GeoPoint;
import city.testing.MutableClock;
import city.testing.RecordingPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The claim protocol against stores that enforce the same conditions as DynamoDB. */
class DispatcherTest {
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(90);
  private final MemoryIncidentStore incidents = new MemoryIncidentStore();
  private final MemoryUnitStore units = new MemoryUnitStore();
  private final RecordingPublisher publisher = new RecordingPublisher();
  private final MutableClock clock = new MutableClock(T0);
  private final DispatchSettings settings = Fixtures.settings(ACK_TIMEOUT);
  private final Dispatcher dispatcher = new Dispatcher(settings, incidents, units, publisher, clock);

  private void available(String... unitIds) {
    for (String unitId : unitIds) {
      Unit unit = Fixtures.unit(unitId);
      units.applyStatus(new UnitStatusReport(unitId, unit.kind(), UnitStatus.AVAILABLE, unit.home(), at(clock.instant())), at(clock.instant()));
    }
  }

  private Incident report(String id, int priority, GeoPoint where) {
    Incident incident = Fixtures.queued(id, "fire", priority, where, clock.instant());
    incidents.create(incident, java.util.Optional.empty());
    return incident;
  }

  @Test
  void aQueuedIncidentGoesToTheNearestFreeUnitAndBothItemsNameTheSameClaim() {
    available("F1", "F2", "F3");
    report("I1", 2, new GeoPoint(36.532, 118.50));
    assertEquals(1, dispatcher.drain("fire"));
    Incident incident = incidents.get("I1");
    assertEquals(IncidentStatus.ASSIGNED, incident.status());
    assertEquals("F2", incident.assignment().unitId());
    UnitState f2 = units.units.get("F2");
    assertEquals("I1", f2.incidentId());
    assertEquals(incident.assignment().claimId(), f2.claimId());
    assertEquals(List.of("assign"),
        publisher.to(DispatchOrder.topic("F2")).stream().map(s -> s.as(DispatchOrder.class).action()).toList());
    assertEquals("I1", publisher.to(DispatchOrder.topic("F2")).get(0).as(DispatchOrder.class).incidentId());
  }

  @Test
  void withoutAFreeUnitTheIncidentWaitsAndTheNextAvailableUnitTakesIt() {
    report("I1", 2, new GeoPoint(36.532, 118.50));
    assertEquals(0, dispatcher.drain("fire"));
    assertEquals(IncidentStatus.QUEUED, incidents.get("I1").status());
    Unit f3 = Fixtures.unit("F3");
    dispatcher.unitReported(new UnitStatusReport("F3", "fire", UnitStatus.AVAILABLE, f3.home(), at(T0)), at(T0));
    assertEquals("F3", incidents.get("I1").assignment().unitId());
  }

  @Test
  void aClaimWhoseIncidentWasTakenMeanwhileGivesTheUnitBack() {
    available("F1", "F2");
    Incident incident = report("I1", 2, new GeoPoint(36.532, 118.50));
    assertEquals(1, dispatcher.drain("fire"));
    DispatchPolicy.Match stale = new DispatchPolicy.Match(incident, units.units.get("F1"), 1.0);
    assertEquals(Dispatcher.ClaimOutcome.INCIDENT_TAKEN, dispatcher.claim(stale));
    assertNull(units.units.get("F1").incidentId(), "F1 was claimed and then released");
    assertEquals("F2", incidents.get("I1").assignment().unitId());
  }

  @Test
  void aHalfFinishedClaimIsRevokedBeforeTheUnitIsFreed() {
    available("F1");
    report("I1", 2, new GeoPoint(36.532, 118.50));
    // a handler claimed F1 (step 1) and died before the incident took it (step 2)
    assertTrue(units.claim("F1", "I1", "dead-claim", at(clock.instant())));
    assertEquals(0, dispatcher.repairHalfClaims(), "a claim younger than the grace may still complete");
    clock.advance(Dispatcher.CLAIM_GRACE.plusSeconds(1));
    assertEquals(1, dispatcher.repairHalfClaims());
    assertNull(units.units.get("F1").incidentId());
    Incident incident = incidents.get("I1");
    assertFalse(incident.canTake("dead-claim"), "the late second step can no longer complete");
    assertEquals("claim-revoked", incident.history().get(incident.history().size() - 1).event());
    assertEquals(1, dispatcher.drain("fire"));
    assertEquals("F1", incidents.get("I1").assignment().unitId());
  }

  @Test
  void aUnitHeldByAClosedIncidentIsFreedByTheRepair() {
    available("F1");
    report("I1", 2, new GeoPoint(36.532, 118.50));
    dispatcher.drain("fire");
    Incident assigned = incidents.get("I1");
    // resolved, but the handler died before releasing the unit
    incidents.replace(assigned, assigned.acknowledged("F1", AckAction.RESOLVE, at(clock.instant())).orElseThrow());
    clock.advance(Dispatcher.CLAIM_GRACE.plusSeconds(1));
    assertEquals(1, dispatcher.repairHalfClaims());
    assertTrue(units.units.get("F1").dispatchable());
  }

  @Test
  void aConsistentAssignmentIsNeverRepaired() {
    available("F1");
    report("I1", 2, new GeoPoint(36.532, 118.50));
    dispatcher.drain("fire");
    clock.advance(Duration.ofHours(1));
    assertEquals(0, dispatcher.repairHalfClaims());
    assertEquals("I1", units.units.get("F1").incidentId());
  }

  @Test
  void noAcceptInTimeWithdrawsCancelsAndEscalatesToTheNextNearest() {
    available("F1", "F2", "F3");
    report("I1", 2, new GeoPoint(36.532, 118.50));
    dispatcher.drain("fire");
    clock.advance(ACK_TIMEOUT.minusSeconds(1));
    assertFalse(dispatcher.withdrawIfOverdue("I1"), "not before the timeout has passed");
    clock.advance(Duration.ofSeconds(1));
    assertTrue(dispatcher.withdrawIfOverdue("I1"));
    assertFalse(dispatcher.withdrawIfOverdue("I1"), "withdrawn once");
    assertEquals(List.of("assign", "cancel"),
        publisher.to(DispatchOrder.topic("F2")).stream().map(s -> s.as(DispatchOrder.class).action()).toList());
    assertEquals(UnitStatus.OFFLINE, units.units.get("F2").reported(), "a unit that did not answer is offline");
    dispatcher.drain("fire");
    Incident incident = incidents.get("I1");
    assertEquals("F1", incident.assignment().unitId(), "F1 (2.4 km) is nearer than F3 (3.1 km)");
    assertEquals(1, incident.escalations());
    assertEquals(List.of("reported", "assigned", "escalated", "assigned"),
        incident.history().stream().map(HistoryEntry::event).toList());
  }

  @Test
  void closingFreesTheUnitForTheNextQueuedIncidentOfItsKind() {
    available("F1");
    report("I1", 2, new GeoPoint(36.532, 118.50));
    dispatcher.drain("fire");
    report("I2", 3, new GeoPoint(36.532, 118.50));
    dispatcher.drain("fire");
    assertEquals(IncidentStatus.QUEUED, incidents.get("I2").status());
    Incident assigned = incidents.get("I1");
    Incident closed = assigned.acknowledged("F1", AckAction.RESOLVE, at(clock.instant())).orElseThrow();
    incidents.replace(assigned, closed);
    dispatcher.closed(closed);
    assertEquals("F1", incidents.get("I2").assignment().unitId());
  }

  /** Many drains at once over scarce units: every unit holds at most one incident and each incident one unit. */
  @Test
  void concurrentDrainsNeverDoubleAssign() throws Exception {
    available("F1", "F2", "F3");
    for (int i = 0; i < 12; i++) {
      report(String.format("I%02d", i), 1 + i % 3, new GeoPoint(36.50 + i * 0.005, 118.50));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> runs = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      runs.add(pool.submit(() -> dispatcher.drain("fire")));
    }
    int assigned = 0;
    for (Future<Integer> run : runs) {
      assigned += run.get();
    }
    pool.shutdown();
    assertEquals(3, assigned, "three units, three assignments in total");
    Map<String, String> holderOfUnit = new HashMap<>();
    for (Incident incident : incidents.incidents.values()) {
      if (incident.status() == IncidentStatus.ASSIGNED) {
        String previous = holderOfUnit.put(incident.assignment().unitId(), incident.incidentId());
        assertNull(previous, "unit " + incident.assignment().unitId() + " given twice");
        assertEquals(incident.incidentId(), units.units.get(incident.assignment().unitId()).incidentId());
      }
    }
    assertEquals(3, holderOfUnit.size());
    assertTrue(holderOfUnit.values().stream().allMatch(id -> incidents.get(id).priority() == 1),
        "the scarce units went to the priority-1 incidents: " + holderOfUnit);
  }
}
