package city.dispatch.core;

import static city.dispatch.core.Fixtures.T0;
import static city.dispatch.core.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.DevicePublisher;
import city.platform.GeoPoint;
import city.testing.MutableClock;
import city.testing.RecordingPublisher;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A unit an incident was taken back from is told, and told again, until it confirms the cancel or acknowledges
 * the incident it holds: a lost cancel never leaves two crews driving to one incident.
 */
class WithdrawnUnitTest {
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(90);
  private static final GeoPoint NEAR_F2 = new GeoPoint(36.532, 118.50);
  private final MemoryIncidentStore incidents = new MemoryIncidentStore();
  private final MemoryUnitStore units = new MemoryUnitStore();
  private final RecordingPublisher publisher = new RecordingPublisher();
  private final MutableClock clock = new MutableClock(T0);
  private final DispatchSettings settings = Fixtures.settings(ACK_TIMEOUT);
  private boolean cancelsFail;
  private final DevicePublisher cancelsMayFail = (topic, message) -> {
    if (cancelsFail && ((DispatchOrder) message).action().equals("cancel")) {
      throw new IllegalStateException("IoT data plane unreachable");
    }
    publisher.publish(topic, message);
  };
  private final Dispatcher dispatcher = new Dispatcher(settings, incidents, units, cancelsMayFail, clock);
  private final DispatchSweep sweep = new DispatchSweep(settings, incidents, dispatcher,
      new AckTimeoutSupervision(settings, incidents, publisher, clock), clock);
  private final AckProcessor acks = new AckProcessor(settings, incidents, new MemorySensorStore(), dispatcher,
      new IncidentEvents(event -> {}), new ReporterNotices(HotlineSettings.defaults(settings), CitizenNotifier.DISCARD));

  private void available(String... unitIds) {
    for (String unitId : unitIds) {
      Unit unit = Fixtures.unit(unitId);
      units.applyStatus(new UnitStatusReport(unitId, unit.kind(), UnitStatus.AVAILABLE, unit.home(), at(clock.instant())),
          at(clock.instant()));
    }
  }

  private void report(String id) {
    incidents.create(Fixtures.queued(id, "fire", 2, NEAR_F2, clock.instant()), Optional.empty());
  }

  private List<String> to(String unitId) {
    return publisher.to(DispatchOrder.topic(unitId)).stream()
        .map(s -> s.as(DispatchOrder.class).action() + " " + s.as(DispatchOrder.class).incidentId()).toList();
  }

  private void ack(String unitId, String incidentId, AckAction action) {
    acks.apply(new UnitAck(unitId, incidentId, action, clock.instant()));
  }

  private void confirm(String unitId, String incidentId) {
    acks.confirmCancel(new CancelAck(unitId, incidentId, clock.instant()));
  }

  /** F2 is given I1 and stays silent; the sweep takes I1 back and gives it to F1, and the cancel to F2 fails. */
  private void withdrawnWhileTheCancelFails() {
    available("F1", "F2");
    report("I1");
    dispatcher.drain("fire");
    clock.advance(ACK_TIMEOUT);
    cancelsFail = true;
    DispatchSweep.Result failed = sweep.run();
    cancelsFail = false;
    assertEquals(1, failed.withdrawn());
    assertEquals(1, failed.assigned());
    assertEquals(List.of("assign I1"), to("F2"), "the cancel was lost");
    assertEquals(List.of("assign I1"), to("F1"), "two crews would now drive to I1");
  }

  @Test
  void aCancelThatFailedIsResentByEachSweepUntilTheUnitConfirmsIt() {
    withdrawnWhileTheCancelFails();
    assertEquals(Set.of("I1"), units.units.get("F2").cancelsOwed());
    assertEquals(1, sweep.run().cancelsResent());
    assertEquals(List.of("assign I1", "cancel I1"), to("F2"));
    assertEquals(1, sweep.run().cancelsResent(), "still owed: sent again");

    confirm("F2", "I1");
    assertEquals(Set.of(), units.units.get("F2").cancelsOwed());
    assertEquals(0, sweep.run().cancelsResent());
    assertEquals(3, to("F2").size(), "assign and two cancels, then nothing");
    confirm("F2", "I1");
    List<String> events = incidents.get("I1").history().stream().map(HistoryEntry::event).toList();
    assertEquals(List.of("reported", "assigned", "escalated", "assigned", "cancel-confirmed"), events,
        "a repeated confirmation is recorded once");
  }

  @Test
  void aLateAckFromTheWithdrawnUnitGetsItToldAgain() {
    withdrawnWhileTheCancelFails();
    confirm("F2", "I1");
    int before = to("F2").size();
    ack("F2", "I1", AckAction.ACCEPT);
    assertEquals("cancel I1", to("F2").get(before), "the stray accept is answered with a cancel at once");
    assertEquals(Set.of("I1"), units.units.get("F2").cancelsOwed(), "and owed until confirmed again");
    ack("F2", "I1", AckAction.ARRIVE);
    assertEquals(before + 2, to("F2").size(), "every stray ack is answered");
    assertEquals("F1", incidents.get("I1").assignment().unitId(), "the stray acks move nothing");
    assertEquals(IncidentStatus.ASSIGNED, incidents.get("I1").status());
  }

  @Test
  void anAckOfAnotherIncidentItHoldsShowsTheUnitLeftTheOldOne() {
    withdrawnWhileTheCancelFails();
    clock.advance(Duration.ofMinutes(1));
    available("F2");
    report("I2");
    dispatcher.drain("fire");
    assertEquals("I2", units.units.get("F2").incidentId());
    assertEquals(Set.of("I1"), units.units.get("F2").cancelsOwed());
    ack("F2", "I2", AckAction.ACCEPT);
    assertEquals(Set.of(), units.units.get("F2").cancelsOwed());
    assertEquals(0, sweep.run().cancelsResent());
  }

  @Test
  void aUnitFreedByTheRepairOfAnUnfinishedWithdrawalIsTold() {
    available("F1", "F2");
    report("I1");
    dispatcher.drain("fire");
    clock.advance(ACK_TIMEOUT);
    // the sweep took I1 back from F2 and died before freeing F2 and sending the cancel
    Incident assigned = incidents.get("I1");
    assertTrue(incidents.replace(assigned, assigned.withdrawn(ACK_TIMEOUT, at(clock.instant()))));
    clock.advance(Dispatcher.CLAIM_GRACE);
    DispatchSweep.Result repaired = sweep.run();
    assertEquals(1, repaired.freed());
    assertEquals(List.of("assign I1", "cancel I1"), to("F2"));
    assertEquals(Set.of("I1"), units.units.get("F2").cancelsOwed(), "owed until F2 confirms");
    assertEquals("F1", incidents.get("I1").assignment().unitId(), "F1 was nearest once F2 timed out on it");
  }

  @Test
  void aUnitThatResolvedItsIncidentIsFreedByTheRepairWithoutACancel() {
    available("F2");
    report("I1");
    dispatcher.drain("fire");
    Incident assigned = incidents.get("I1");
    // resolved, but the handler died before freeing the unit
    incidents.replace(assigned, assigned.acknowledged("F2", AckAction.RESOLVE, at(clock.instant())).orElseThrow());
    clock.advance(Dispatcher.CLAIM_GRACE.plusSeconds(1));
    assertEquals(1, dispatcher.repairHalfClaims());
    assertTrue(units.units.get("F2").dispatchable());
    assertEquals(List.of("assign I1"), to("F2"));
    assertEquals(Set.of(), units.units.get("F2").cancelsOwed());
  }

  @Test
  void aUnitGivenTheSameIncidentAgainIsNeverToldToDropIt() {
    UnitState owed = new UnitState("F2", "fire", UnitStatus.AVAILABLE, null, null, null, null, null, Set.of("I1", "I0"));
    assertEquals(Set.of("I0", "I1"), owed.cancelsOwed());
    UnitState holdsI1Again = new UnitState("F2", "fire", UnitStatus.AVAILABLE, null, null, "I1", "c2", at(T0),
        Set.of("I1", "I0"));
    assertEquals(Set.of("I0"), holdsI1Again.cancelsOwed());
  }

  @Test
  void aStrayAckIsNotAnsweredWithACancelWhileTheUnitIsBeingGivenThatIncident() {
    available("F2");
    report("I1");
    // step one of a claim landed: F2 holds I1, the incident does not know it yet
    assertTrue(units.claim("F2", "I1", "claim-under-way", at(clock.instant())));
    ack("F2", "I1", AckAction.ACCEPT);
    assertEquals(List.of(), to("F2"));
    assertFalse(units.oweCancel("F2", "I1"));
    assertEquals(Set.of(), units.units.get("F2").pendingCancels());
  }
}
