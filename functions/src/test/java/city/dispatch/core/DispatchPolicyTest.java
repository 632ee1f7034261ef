package city.dispatch.core;

import static city.dispatch.core.Fixtures.T0;
import static city.dispatch.core.Fixtures.allAvailable;
import static city.dispatch.core.Fixtures.queued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.GeoPoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DispatchPolicyTest {
  private static final GeoPoint NEAR_F2 = new GeoPoint(36.531, 118.50);

  private static String chosen(Incident incident, List<UnitState> units) {
    return DispatchPolicy.nearest(incident, units).map(m -> m.unit().unitId()).orElse("none");
  }

  @Test
  void theNearestAvailableUnitOfTheRequiredKindIsChosen() {
    Incident fire = queued("I1", "fire", 2, NEAR_F2, T0);
    assertEquals("F2", chosen(fire, allAvailable()));
    Incident medical = queued("I2", "medical", 2, NEAR_F2, T0);
    assertEquals("M1", chosen(medical, allAvailable()), "a fire unit is nearer but of the wrong kind");
  }

  @Test
  void distanceIsGreatCircleNotDegrees() {
    // at 60 degrees north a degree of longitude is half as long as a degree of latitude
    Unit east = new Unit("E", "fire", "E", new GeoPoint(60.0, 11.5));
    Unit north = new Unit("N", "fire", "N", new GeoPoint(60.4, 11.0));
    Incident incident = queued("I", "fire", 1, new GeoPoint(60.0, 11.0), T0);
    assertEquals("E", chosen(incident, List.of(Fixtures.available(east), Fixtures.available(north))),
        "0.5 degrees of longitude at 60N (~27.8 km) is nearer than 0.4 degrees of latitude (~44.5 km)");
  }

  @Test
  void equalDistancesGoToTheSmallerUnitIdWhateverTheReadOrder() {
    GeoPoint at = new GeoPoint(36.50, 118.50);
    UnitState b = Fixtures.available(new Unit("B", "fire", "B", new GeoPoint(36.51, 118.50)));
    UnitState a = Fixtures.available(new Unit("A", "fire", "A", new GeoPoint(36.51, 118.50)));
    Incident incident = queued("I", "fire", 1, at, T0);
    assertEquals("A", chosen(incident, List.of(b, a)));
    assertEquals("A", chosen(incident, List.of(a, b)));
  }

  @Test
  void busyOfflineOrHoldingUnitsAreNotChosen() {
    List<UnitState> units = new ArrayList<>(allAvailable());
    UnitState f2 = units.get(1);
    units.set(1, new UnitState("F2", "fire", UnitStatus.BUSY, f2.position(), f2.statusTs(), null, null, null, Set.of()));
    Incident incident = queued("I", "fire", 1, NEAR_F2, T0);
    assertEquals("F1", chosen(incident, units));
    units.set(0, new UnitState("F1", "fire", UnitStatus.AVAILABLE, units.get(0).position(), null, "other", "c", Fixtures.at(T0), Set.of()));
    assertEquals("F3", chosen(incident, units), "F1 says available but holds another incident");
    units.set(2, new UnitState("F3", "fire", UnitStatus.OFFLINE, units.get(2).position(), null, null, null, null, Set.of()));
    assertEquals("none", chosen(incident, units));
  }

  @Test
  void anIncidentWhoseClaimIsUnderWayIsNotOfferedToTheNextNearestUnit() {
    // step one of another handler's claim has landed: F2 (the nearest) holds I, which is still queued
    List<UnitState> units = new ArrayList<>(allAvailable());
    UnitState f2 = units.get(1);
    units.set(1, new UnitState("F2", "fire", UnitStatus.AVAILABLE, f2.position(), f2.statusTs(), "I", "c", Fixtures.at(T0), Set.of()));
    Incident incident = queued("I", "fire", 1, NEAR_F2, T0);
    assertEquals(Optional.empty(), DispatchPolicy.next(List.of(incident), units), "not to F1 behind F2's back");
    Incident other = queued("J", "fire", 2, NEAR_F2, T0);
    assertEquals("J", DispatchPolicy.next(List.of(incident, other), units).orElseThrow().incident().incidentId(),
        "the queue behind it is still served");
  }

  @Test
  void aUnitThatTimedOutIsSkippedUntilEveryUnitOfTheKindHas() {
    Incident incident = queued("I", "fire", 1, NEAR_F2, T0);
    Incident afterF2 = withTimedOut(incident, "F2");
    assertEquals("F1", chosen(afterF2, allAvailable()));
    Incident afterF2F1 = withTimedOut(incident, "F2", "F1");
    assertEquals("F3", chosen(afterF2F1, allAvailable()));
    Incident afterAll = withTimedOut(incident, "F2", "F1", "F3");
    assertEquals("F2", chosen(afterAll, allAvailable()), "a new round starts with the nearest again");
  }

  @Test
  void theQueueIsServedByPriorityThenFirstComeFirstServed() {
    Incident lowEarly = queued("low-early", "fire", 4, NEAR_F2, T0);
    Incident urgentLate = queued("urgent-late", "fire", 1, NEAR_F2, T0.plusSeconds(30));
    Incident urgentEarly = queued("urgent-early", "fire", 1, NEAR_F2, T0.plusSeconds(10));
    List<Incident> order = Stream.of(lowEarly, urgentLate, urgentEarly).sorted(DispatchPolicy.QUEUE_ORDER).toList();
    assertEquals(List.of("urgent-early", "urgent-late", "low-early"), order.stream().map(Incident::incidentId).toList());
  }

  @Test
  void scarceUnitsGoToTheMostUrgentIncidentFirst() {
    List<UnitState> oneFireUnit = allAvailable().stream()
        .filter(u -> !u.unitId().equals("F1") && !u.unitId().equals("F2")).toList();
    List<Incident> queue = List.of(
        queued("routine", "fire", 4, NEAR_F2, T0),
        queued("critical", "fire", 1, new GeoPoint(36.40, 118.50), T0.plusSeconds(60)));
    DispatchPolicy.Match match = DispatchPolicy.next(queue, oneFireUnit).orElseThrow();
    assertEquals("critical", match.incident().incidentId(), "priority wins over arrival and over distance");
    assertEquals("F3", match.unit().unitId());
  }

  @Test
  void anIncidentNoFreeUnitMayTakeDoesNotBlockTheQueue() {
    List<Incident> queue = List.of(
        queued("medical-first", "medical", 1, NEAR_F2, T0),
        queued("fire-second", "fire", 3, NEAR_F2, T0.plusSeconds(5)));
    List<UnitState> onlyFire = allAvailable().stream().filter(u -> u.kind().equals("fire")).toList();
    assertEquals("fire-second", DispatchPolicy.next(queue, onlyFire).orElseThrow().incident().incidentId());
  }

  @Test
  void nothingToDoWhenNoUnitFits() {
    List<Incident> queue = List.of(queued("I", "police", 1, NEAR_F2, T0));
    assertTrue(DispatchPolicy.next(queue, allAvailable()).isEmpty());
  }

  private static Incident withTimedOut(Incident incident, String... units) {
    Incident current = incident;
    for (String unit : units) {
      current = current.assigned(unit, "claim-" + unit, 1.0, Fixtures.at(T0)).withdrawn(Duration.ofSeconds(90), Fixtures.at(T0));
    }
    return current;
  }
}
