package city.dispatch.core;

import static city.dispatch.core.Fixtures.T0;
import static city.dispatch.core.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.GeoPoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The acknowledgement state machine: forward only, implied steps, stray acks recorded once. */
class IncidentAckTest {
  private static final GeoPoint WHERE = new GeoPoint(36.52, 118.50);

  private static Incident assignedTo(String unitId) {
    return Fixtures.queued("I", "fire", 2, WHERE, T0).assigned(unitId, "c-" + unitId, 1.2, at(T0.plusSeconds(1)));
  }

  private static Incident apply(Incident incident, String unitId, AckAction action, int second) {
    return incident.acknowledged(unitId, action, at(T0.plusSeconds(second))).orElse(incident);
  }

  @Test
  void acceptArriveResolveWalkTheLifeAndStampEachMilestone() {
    Incident incident = apply(apply(apply(assignedTo("F1"), "F1", AckAction.ACCEPT, 10), "F1", AckAction.ARRIVE, 200),
        "F1", AckAction.RESOLVE, 900);
    assertEquals(IncidentStatus.CLOSED, incident.status());
    assertEquals(at(T0.plusSeconds(1)), incident.milestones().dispatchedAt());
    assertEquals(at(T0.plusSeconds(10)), incident.milestones().acceptedAt());
    assertEquals(at(T0.plusSeconds(200)), incident.milestones().arrivedAt());
    assertEquals(at(T0.plusSeconds(900)), incident.milestones().closedAt());
    assertEquals(List.of("reported", "assigned", "accepted", "arrived", "resolved"), events(incident));
  }

  @Test
  void aDuplicateAckChangesNothing() {
    Incident accepted = apply(assignedTo("F1"), "F1", AckAction.ACCEPT, 10);
    assertTrue(accepted.acknowledged("F1", AckAction.ACCEPT, at(T0.plusSeconds(11))).isEmpty());
  }

  @Test
  void arriveBeforeAcceptImpliesAcceptAndTheLateAcceptChangesNothing() {
    Incident arrived = apply(assignedTo("F1"), "F1", AckAction.ARRIVE, 120);
    assertEquals(IncidentStatus.ON_SCENE, arrived.status());
    assertEquals(at(T0.plusSeconds(120)), arrived.milestones().acceptedAt());
    assertEquals(List.of("reported", "assigned", "accept-implied", "arrived"), events(arrived));
    assertTrue(arrived.acknowledged("F1", AckAction.ACCEPT, at(T0.plusSeconds(121))).isEmpty());
  }

  @Test
  void resolveStraightAfterAssignmentImpliesAcceptButInventsNoArrival() {
    Incident resolved = apply(assignedTo("F1"), "F1", AckAction.RESOLVE, 60);
    assertEquals(IncidentStatus.CLOSED, resolved.status());
    assertNotNull(resolved.milestones().acceptedAt());
    assertNull(resolved.milestones().arrivedAt());
  }

  @Test
  void anAckFromAUnitThatDoesNotHoldTheIncidentIsIgnoredAndRecordedOnce() {
    Incident incident = assignedTo("F2");
    Incident once = incident.acknowledged("F1", AckAction.ACCEPT, at(T0.plusSeconds(5))).orElseThrow();
    assertEquals(IncidentStatus.ASSIGNED, once.status());
    assertNull(once.milestones().acceptedAt());
    assertEquals("ack-ignored", once.history().get(once.history().size() - 1).event());
    assertTrue(once.acknowledged("F1", AckAction.ACCEPT, at(T0.plusSeconds(6))).isEmpty(), "a repeat adds nothing");
  }

  @Test
  void anAcceptAfterTheAssignmentWasWithdrawnIsIgnored() {
    Incident withdrawn = assignedTo("F1").withdrawn(Duration.ofSeconds(90), at(T0.plusSeconds(91)));
    Incident afterLateAccept = apply(withdrawn, "F1", AckAction.ACCEPT, 95);
    assertEquals(IncidentStatus.QUEUED, afterLateAccept.status());
    assertNull(afterLateAccept.milestones().acceptedAt());
  }

  @Test
  void withdrawalRequeuesRemembersTheUnitAndCountsTheEscalation() {
    Incident withdrawn = assignedTo("F1").withdrawn(Duration.ofSeconds(90), at(T0.plusSeconds(91)));
    assertEquals(IncidentStatus.QUEUED, withdrawn.status());
    assertTrue(withdrawn.unitId().isEmpty());
    assertEquals(java.util.Set.of("F1"), withdrawn.timedOutUnits());
    assertEquals(1, withdrawn.escalations());
    assertEquals("escalated", withdrawn.history().get(withdrawn.history().size() - 1).event());
    assertTrue(withdrawn.canTake("another-claim"));
  }

  @Test
  void anAssignmentIsOverdueOnlyOnceTheTimeoutHasPassedWithoutAccept() {
    Incident assigned = assignedTo("F1");
    Duration timeout = Duration.ofSeconds(90);
    assertTrue(!assigned.ackOverdue(at(T0.plusSeconds(90)), timeout));
    assertTrue(assigned.ackOverdue(at(T0.plusSeconds(91)), timeout));
    Incident accepted = apply(assigned, "F1", AckAction.ACCEPT, 30);
    assertTrue(!accepted.ackOverdue(at(T0.plusSeconds(500)), timeout));
  }

  /**
   * Whatever the order and repetition of one unit's acks, the incident ends where the furthest ack leads, with
   * the accept recorded; and delivering the whole sequence once more changes nothing at all.
   */
  @Property(tries = 300)
  void duplicatesAndReorderingNeverChangeTheOutcome(@ForAll @Size(min = 1, max = 8) List<AckAction> acks,
      @ForAll long seed) {
    List<AckAction> deliveries = new ArrayList<>(acks);
    deliveries.addAll(acks);
    Collections.shuffle(deliveries, new java.util.Random(seed));
    Incident incident = assignedTo("F1");
    int second = 10;
    for (AckAction ack : deliveries) {
      incident = apply(incident, "F1", ack, second++);
    }
    assertEquals(Collections.max(acks).reaches(), incident.status());
    assertNotNull(incident.milestones().acceptedAt());
    Incident again = incident;
    for (AckAction ack : deliveries) {
      again = apply(again, "F1", ack, second++);
    }
    assertEquals(incident, again);
    assertTrue(incident.history().size() <= 2 + 3, "at most one entry per milestone: " + events(incident));
  }

  @Test
  void aRepeatAlertIsCountedAndMayRaisePriorityButARedeliveryChangesNothing() {
    Incident incident = Fixtures.queued("I", "fire", 3, WHERE, T0);
    Optional<Incident> redelivered = incident.mergeAlert(Severity.MEDIUM, 3, at(T0), at(T0.plusSeconds(1)));
    assertTrue(redelivered.isEmpty());
    Incident repeat = incident.mergeAlert(Severity.CRITICAL, 1, at(T0.plusSeconds(30)), at(T0.plusSeconds(31))).orElseThrow();
    assertEquals(2, repeat.alerts().count());
    assertEquals(1, repeat.priority());
    assertEquals(Severity.CRITICAL, repeat.severity());
    assertEquals("priority-raised", repeat.history().get(repeat.history().size() - 1).event());
    Incident milder = repeat.mergeAlert(Severity.LOW, 4, at(T0.plusSeconds(60)), at(T0.plusSeconds(61))).orElseThrow();
    assertEquals(1, milder.priority(), "a milder repeat never lowers priority");
    assertEquals(repeat.history().size(), milder.history().size(), "a plain repeat is counted, not logged");
  }

  @Test
  void aClosedIncidentTakesNoMoreAlerts() {
    Incident closed = apply(assignedTo("F1"), "F1", AckAction.RESOLVE, 60);
    assertTrue(closed.mergeAlert(Severity.HIGH, 2, at(T0.plusSeconds(120)), at(T0.plusSeconds(120))).isEmpty());
  }

  private static List<String> events(Incident incident) {
    return incident.history().stream().map(HistoryEntry::event).toList();
  }
}
