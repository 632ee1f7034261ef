package city.bikeshare.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.bikeshare.core.BikeshareLayout;
import city.bikeshare.core.StationStatus;
import city.bikeshare.core.closure.IncidentNotice;
import city.bikeshare.core.closure.NearbyStations;
import city.bikeshare.core.closure.StationClosure;
import city.bikeshare.core.closure.StationClosureSettings;
import city.bikeshare.core.plan.PlanIds;
import city.bikeshare.core.plan.PlanStatus;
import city.bikeshare.core.plan.Stop;
import city.bikeshare.core.plan.StoredPlan;
import city.bikeshare.core.plan.TruckProgress;
import city.bikeshare.core.plan.TruckRoute;
import city.bikeshare.core.store.MemoryPlanStore;
import city.bikeshare.core.store.MemoryStationClosures;
import city.bikeshare.core.store.MemoryStationStore;
import city.bikeshare.core.store.MemoryTruckStore;
import city.platform.BusEvent;
import city.platform.City;
import city.platform.GeoPoint;
import city.platform.InvalidInput;
import city.platform.Json;
import city.platform.TestCity;
import city.testing.MutableClock;
import city.testing.RecordingPublisher;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Rule 2's decision and its effects, pure: which stations an incident closes, that closures stack, repeat and arrive
 * late harmlessly, that the planner skips closed stations and that a plan still visiting one is superseded.
 */
class StationIncidentsTest {
  private static final City CITY = TestCity.sample();
  private static final BikeshareLayout LAYOUT = BikeshareLayout.of(CITY);
  private static final GeoPoint AT_B1 = LAYOUT.station("B1").orElseThrow().position();
  private static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");

  private final MemoryStationStore stations = new MemoryStationStore();
  private final MemoryPlanStore plans = new MemoryPlanStore();
  private final MemoryStationClosures closures = new MemoryStationClosures();
  private final RecordingPublisher publisher = new RecordingPublisher();
  private final MutableClock clock = new MutableClock(T0);
  private final AtomicInteger sequence = new AtomicInteger();
  private final PlanService planner = new PlanService(LAYOUT, stations, new MemoryTruckStore(), plans, closures,
      publisher, clock, new PlanIds(() -> String.format("%06d", sequence.incrementAndGet())));
  private final StationIncidents rule = new StationIncidents(StationClosureSettings.of(CITY), LAYOUT, closures, planner);

  private static IncidentNotice opened(String id, String category, String sub, GeoPoint at) {
    return new IncidentNotice(id, category, sub, at, false, false, T0);
  }

  private static IncidentNotice closed(IncidentNotice opened) {
    return new IncidentNotice(opened.incidentId(), opened.category(), opened.subCategory(), opened.position(), false,
        true, T0.plusSeconds(600));
  }

  private Set<String> closedStations() {
    return closures.active().stream().map(StationClosure::stationId).collect(Collectors.toSet());
  }

  private void report(String stationId, int bikes, int docks) {
    stations.apply(new StationStatus(stationId, bikes, docks, OffsetDateTime.ofInstant(clock.instant(), LAYOUT.timeZone())));
  }

  /** B1 and B3 full, B2 and B4 empty: every plan wants to visit all four. */
  private void unbalanced() {
    report("B1", 16, 0);
    report("B2", 0, 16);
    report("B3", 20, 0);
    report("B4", 0, 16);
  }

  private static Set<String> visited(StoredPlan plan) {
    return plan.plan().routes().stream().flatMap(r -> r.stops().stream()).map(Stop::stationId).collect(Collectors.toSet());
  }

  private StoredPlan latest() {
    return plans.plan(plans.latestPlanId().orElseThrow()).orElseThrow();
  }

  @Test
  void theDefaultsAreTheIssuesCategoriesAndAHundredMetres() {
    StationClosureSettings settings = StationClosureSettings.of(CITY);
    assertEquals(100, settings.radiusMeters());
    assertEquals(Set.of("fire", "gas", "flood", "collision", "traffic/collision"), settings.categories());
  }

  @Test
  void anIncidentClosesExactlyTheStationsWithinTheRadius() {
    GeoPoint between = new GeoPoint(AT_B1.lat() + 0.0006, AT_B1.lon());
    List<NearbyStations.Affected> affected =
        NearbyStations.of(opened("I1", "fire", null, between), StationClosureSettings.of(CITY), LAYOUT);
    for (BikeshareLayout.Station station : LAYOUT.stations()) {
      double meters = between.distanceMeters(station.position());
      boolean listed = affected.stream().anyMatch(a -> a.stationId().equals(station.stationId()));
      assertEquals(meters <= 100, listed, station.stationId() + " at " + Math.round(meters) + " m");
    }
    assertEquals(List.of("B1"), affected.stream().map(NearbyStations.Affected::stationId).toList(), "B1 is ~67 m away");
    GeoPoint outside = new GeoPoint(AT_B1.lat() + 0.001, AT_B1.lon());
    assertTrue(NearbyStations.of(opened("I2", "fire", null, outside), StationClosureSettings.of(CITY), LAYOUT).isEmpty(),
        "111 m is outside the 100 m radius");
  }

  @Test
  void onlyListedCategoriesOrCategorySubCategoryPairsCloseStations() {
    StationClosureSettings settings = StationClosureSettings.of(CITY);
    assertTrue(NearbyStations.of(opened("I", "traffic", null, AT_B1), settings, LAYOUT).isEmpty(),
        "traffic alone closes parking (rule 1) but not stations");
    assertTrue(NearbyStations.of(opened("I", "medical", null, AT_B1), settings, LAYOUT).isEmpty());
    assertFalse(NearbyStations.of(opened("I", "traffic", "collision", AT_B1), settings, LAYOUT).isEmpty());
    assertFalse(NearbyStations.of(opened("I", "gas", "leak", AT_B1), settings, LAYOUT).isEmpty());
  }

  @Test
  void anIncidentKnownOnlyByItsAddressClosesNothing() {
    IncidentNotice estimated = new IncidentNotice("R-1", "fire", null, AT_B1, true, false, T0);
    assertTrue(NearbyStations.of(estimated, StationClosureSettings.of(CITY), LAYOUT).isEmpty());
  }

  @Test
  void theCityFileSetsCategoriesAndRadiusAndATypoIsRefused() {
    ObjectNode root = (ObjectNode) CITY.root().deepCopy();
    root.putObject("integration").put("closeStationRadiusM", 30).putArray("closeStationCategories").add("flood");
    StationClosureSettings settings = StationClosureSettings.of(City.parse(root));
    assertEquals(30, settings.radiusMeters());
    assertEquals(Set.of("flood"), settings.categories());
    ((ObjectNode) root.get("integration")).put("closeStationRadiusM", 100_000);
    assertThrows(IllegalArgumentException.class, () -> StationClosureSettings.of(City.parse(root)));
    ((ObjectNode) root.get("integration")).put("closeStationRadiusM", 30).put("closeStationCategories", "fire");
    assertThrows(IllegalArgumentException.class, () -> StationClosureSettings.of(City.parse(root)));
  }

  @Test
  void theStationReopensOnlyWhenTheLastOfTwoIncidentsEnds() {
    IncidentNotice fire = opened("I1", "fire", null, AT_B1);
    IncidentNotice gas = opened("I2", "gas", null, AT_B1);
    rule.apply(fire);
    rule.apply(gas);
    assertEquals(2, closures.active().size());
    rule.apply(closed(fire));
    assertEquals(List.of("I2"), closures.active().stream().map(StationClosure::incidentId).toList());
    assertEquals(Set.of("B1"), closedStations());
    rule.apply(closed(gas));
    assertTrue(closedStations().isEmpty());
  }

  @Test
  void theSameEventTwiceChangesNothingMoreAndSupersedesThePlanOnce() {
    unbalanced();
    planner.plan("schedule");
    IncidentNotice fire = opened("I1", "fire", null, AT_B1);
    StationIncidents.Applied first = rule.apply(fire);
    assertTrue(first.supersedingPlanId().isPresent());
    int plansMade = plans.plans.size();
    int writes = closures.writes;
    StationIncidents.Applied again = rule.apply(fire);
    assertEquals(List.of("B1"), again.stations().stream().map(NearbyStations.Affected::stationId).toList());
    assertTrue(again.supersedingPlanId().isEmpty(), "the latest plan already avoids B1");
    assertEquals(plansMade, plans.plans.size());
    assertEquals(writes, closures.writes, "the repeated open writes nothing");
    assertEquals(1, closures.active().size());
    rule.apply(closed(fire));
    rule.apply(closed(fire));
    assertTrue(closedStations().isEmpty());
  }

  @Test
  void aResolveBeforeItsOpenLeavesTheStationOpenAndThePlanAlone() {
    unbalanced();
    String planId = planner.plan("schedule").plan().planId();
    IncidentNotice fire = opened("I1", "fire", null, AT_B1);
    rule.apply(closed(fire));
    StationIncidents.Applied late = rule.apply(fire);
    assertTrue(closedStations().isEmpty(), "the late open finds the tombstone");
    assertTrue(late.supersedingPlanId().isEmpty());
    assertEquals(planId, plans.latestPlanId().orElseThrow());
  }

  @Test
  void aPlanThatStillVisitsTheStationIsSupersededWithoutItAndTheTrucksAreTold() {
    unbalanced();
    String before = planner.plan("schedule").plan().planId();
    assertTrue(visited(latest()).contains("B1"));
    clock.advance(Duration.ofMinutes(1));

    String after = rule.apply(opened("I1", "fire", null, AT_B1)).supersedingPlanId().orElseThrow();
    StoredPlan old = plans.plan(before).orElseThrow();
    assertEquals(PlanStatus.SUPERSEDED, old.status());
    assertEquals(after, old.supersededBy().orElseThrow());
    StoredPlan superseding = latest();
    assertEquals(after, superseding.plan().planId());
    assertEquals("incident:I1", superseding.plan().trigger());
    assertEquals(Set.of("B2", "B3", "B4"), visited(superseding), "B1 is skipped, the others still need a truck");
    List<RecordingPublisher.Sent> told = publisher.sent.stream()
        .filter(s -> s.message().path("planId").asText().equals(after)).toList();
    assertEquals(List.of("bikeshare/trucks/T1/tasks", "bikeshare/trucks/T2/tasks"),
        told.stream().map(RecordingPublisher.Sent::topic).toList(), "every truck gets its new list on its topic");
    told.forEach(t -> t.message().path("stops").forEach(s -> assertFalse(s.path("stationId").asText().equals("B1"))));
  }

  @Test
  void whileClosedThePlannerSkipsTheStationAndAfterTheEndItMayVisitItAgain() {
    unbalanced();
    IncidentNotice fire = opened("I1", "fire", null, AT_B1);
    rule.apply(fire);
    assertFalse(visited(plans.plan(planner.plan("schedule").plan().planId()).orElseThrow()).contains("B1"));
    rule.apply(closed(fire));
    clock.advance(Duration.ofMinutes(20));
    assertTrue(visited(plans.plan(planner.plan("schedule").plan().planId()).orElseThrow()).contains("B1"));
  }

  @Test
  void aStopAlreadyDoneOrAFarIncidentSupersedesNothing() {
    unbalanced();
    StoredPlan plan = plans.plan(planner.plan("schedule").plan().planId()).orElseThrow();
    TruckRoute route = plan.plan().routes().stream().filter(r -> r.stops().stream().anyMatch(s -> s.stationId().equals("B1")))
        .findFirst().orElseThrow();
    int b1 = route.stops().stream().map(Stop::stationId).toList().indexOf("B1");
    plans.recordProgress(new TruckProgress(plan.plan().planId(), route.truckId(), b1 + 1, 0, AT_B1,
        OffsetDateTime.ofInstant(T0, LAYOUT.timeZone())));
    assertTrue(rule.apply(opened("I1", "fire", null, AT_B1)).supersedingPlanId().isEmpty(), "B1 was visited already");
    assertTrue(rule.apply(opened("I2", "fire", null, new GeoPoint(36.0, 118.0))).supersedingPlanId().isEmpty());
    assertEquals(1, plans.plans.size());
  }

  @Test
  void aRetryAfterAPublishThatFailedPartWayTellsTheTrucksTheSamePlan() {
    unbalanced();
    planner.plan("schedule");
    IncidentNotice fire = opened("I1", "fire", null, AT_B1);
    publisher.failing = true;
    assertThrows(IllegalStateException.class, () -> rule.apply(fire));
    String stuck = plans.latestPlanId().orElseThrow();
    assertEquals(PlanStatus.PUBLISHING, plans.plan(stuck).orElseThrow().status(), "promoted, not yet told");
    publisher.failing = false;
    assertEquals(stuck, rule.apply(fire).supersedingPlanId().orElseThrow(), "the retry finishes that plan");
    assertEquals(PlanStatus.ACTIVE, plans.plan(stuck).orElseThrow().status());
    assertEquals(2, publisher.sent.stream().filter(s -> s.message().path("planId").asText().equals(stuck)).count());
  }

  @Test
  void aNoticeIsReadFromTheEventsPublicDetailOnly() {
    ObjectNode detail = Json.MAPPER.createObjectNode().put("incidentId", "I1").put("category", "traffic")
        .put("subCategory", "collision").put("lat", AT_B1.lat()).put("lon", AT_B1.lon());
    IncidentNotice notice = IncidentNotice.of(BusEvent.of(IncidentNotice.SOURCE, IncidentNotice.OPENED, T0,
        "I1/opened", detail));
    assertEquals(new IncidentNotice("I1", "traffic", "collision", AT_B1, false, false, T0), notice);
    assertThrows(InvalidInput.class, () -> IncidentNotice.of(BusEvent.of("city.parking", IncidentNotice.OPENED, T0,
        "I1/opened", detail)));
  }
}
