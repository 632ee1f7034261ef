package city.bikeshare.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.bikeshare.core.BikeshareLayout;
import city.bikeshare.core.plan.PlanIds;
import city.bikeshare.core.plan.PlanStatus;
import city.bikeshare.core.plan.PlanView;
import city.bikeshare.core.plan.Stop;
import city.bikeshare.core.plan.StoredPlan;
import city.bikeshare.core.plan.TruckRoute;
import city.bikeshare.core.store.MemoryPlanStore;
import city.bikeshare.core.store.MemoryStationClosures;
import city.bikeshare.core.store.MemoryStationStore;
import city.bikeshare.core.store.MemoryTruckStore;
import city.testing.MutableClock;
import city.platform.DevicePublisher;
import city.testing.RecordingPublisher;
import city.bikeshare.core.StationStatus;
import city.bikeshare.core.demand.FlowBucket;
import city.bikeshare.core.demand.Target;
import city.platform.Json;
import city.platform.TestCity;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PlanServiceTest {
  static final OffsetDateTime START = OffsetDateTime.parse("2026-11-25T08:00:00+08:00");

  private final BikeshareLayout layout = BikeshareLayout.of(TestCity.sample());
  private final MemoryStationStore stations = new MemoryStationStore();
  private final MemoryTruckStore trucks = new MemoryTruckStore();
  private final MemoryPlanStore plans = new MemoryPlanStore();
  private final RecordingPublisher publisher = new RecordingPublisher();
  private final MutableClock clock = new MutableClock(START.toInstant());
  private final AtomicInteger sequence = new AtomicInteger();
  private final MemoryStationClosures closures = new MemoryStationClosures();
  private final PlanService service = new PlanService(layout, stations, trucks, plans, closures, publisher, clock,
      new PlanIds(() -> String.format("%06d", sequence.incrementAndGet())));

  private void report(String stationId, int bikes, int docks) {
    stations.apply(new StationStatus(stationId, bikes, docks, OffsetDateTime.ofInstant(clock.instant(), layout.timeZone())));
  }

  private void unbalanced() {
    report("B1", 16, 0);
    report("B2", 0, 16);
    report("B3", 20, 0);
    report("B4", 0, 16);
  }

  private List<RecordingPublisher.Sent> sentFor(String planId) {
    return publisher.sent.stream().filter(s -> s.message().path("planId").asText().equals(planId)).toList();
  }

  @Test
  void everyTruckOfTheFleetGetsItsListWithThePlanId() {
    unbalanced();
    PlanService.Outcome outcome = service.plan("ops:alice");
    assertTrue(outcome.published());
    PlanView plan = outcome.plan();
    assertEquals(PlanStatus.ACTIVE, plans.plan(plan.planId()).orElseThrow().status());
    assertEquals(plan.planId(), plans.latestPlanId().orElseThrow());

    List<RecordingPublisher.Sent> sent = sentFor(plan.planId());
    assertEquals(List.of("bikeshare/trucks/T1/tasks", "bikeshare/trucks/T2/tasks"),
        sent.stream().map(RecordingPublisher.Sent::topic).toList());
    int stopsSent = 0;
    for (RecordingPublisher.Sent message : sent) {
      String truckId = message.message().path("truckId").asText();
      JsonNode expected = Json.parse(Json.write(plan.routes().stream().filter(r -> r.truckId().equals(truckId))
          .findFirst().map(TruckRoute::stops).orElse(List.of())));
      assertEquals(expected, message.message().path("stops"));
      stopsSent += message.message().path("stops").size();
    }
    assertEquals(4, stopsSent);
    assertEquals(18, plan.summary().bikesMoved(), "8 + 10 picked up, 8 + 8 dropped");
  }

  @Test
  void aNewPlanSupersedesTheOldOneAndEveryTruckHearsOfIt() {
    unbalanced();
    String first = service.plan("schedule").plan().planId();
    clock.advance(Duration.ofMinutes(20));
    report("B1", 8, 8);
    report("B2", 8, 8);
    report("B3", 10, 10);
    String second = service.plan("schedule").plan().planId();

    assertTrue(second.compareTo(first) > 0, "plan ids sort by creation");
    StoredPlan old = plans.plan(first).orElseThrow();
    assertEquals(PlanStatus.SUPERSEDED, old.status());
    assertEquals(second, old.supersededBy().orElseThrow());
    assertEquals(PlanStatus.ACTIVE, plans.plan(second).orElseThrow().status());
    assertEquals(second, service.latest().orElseThrow().planId());
    List<RecordingPublisher.Sent> latest = sentFor(second);
    assertEquals(2, latest.size(), "a truck without stops in the new plan still learns the old list is void");
    assertEquals(1, latest.stream().mapToInt(s -> s.message().path("stops").size()).sum(), "only B4 is left");
  }

  @Test
  void aPlanThatLosesThePointerRaceIsNeverPublished() {
    unbalanced();
    plans.pointer = "P99991231T235959999Z-ffffff";
    PlanService.Outcome outcome = service.plan("ops:alice");
    assertFalse(outcome.published());
    assertEquals("P99991231T235959999Z-ffffff", outcome.newerPlanId().orElseThrow());
    assertEquals(PlanStatus.SUPERSEDED, plans.plan(outcome.plan().planId()).orElseThrow().status());
    assertTrue(publisher.sent.isEmpty());
  }

  @Test
  void theScheduleSkipsWhileARecentPlanExists() {
    unbalanced();
    assertTrue(service.planOnSchedule().isPresent());
    clock.advance(Duration.ofMinutes(5));
    assertTrue(service.planOnSchedule().isEmpty(), "5 minutes is less than half of the 20-minute period");
    clock.advance(Duration.ofMinutes(6));
    assertTrue(service.planOnSchedule().isPresent());
    assertEquals(2, plans.plans.size());
  }

  @Test
  void aScheduledRunRetriedAfterAPublishFailurePartWayTellsTheTrucksNotYetTold() {
    unbalanced();
    DevicePublisher failsForT2 = (topic, message) -> {
      if (topic.contains("/T2/")) {
        throw new IllegalStateException("IoT data plane unreachable");
      }
      publisher.publish(topic, message);
    };
    PlanService failing = new PlanService(layout, stations, trucks, plans, closures, failsForT2, clock,
        new PlanIds(() -> String.format("%06d", sequence.incrementAndGet())));
    assertThrows(IllegalStateException.class, failing::planOnSchedule);
    String planId = plans.latestPlanId().orElseThrow();
    assertEquals(PlanStatus.PUBLISHING, plans.plan(planId).orElseThrow().status());
    assertEquals(List.of("bikeshare/trucks/T1/tasks"), sentFor(planId).stream().map(RecordingPublisher.Sent::topic).toList());

    clock.advance(Duration.ofSeconds(30));
    PlanService.Outcome retried = service.planOnSchedule().orElseThrow(() ->
        new AssertionError("the retry skipped the plan that never reached T2"));
    assertEquals(planId, retried.plan().planId(), "the same plan, not a new one");
    assertEquals(List.of("bikeshare/trucks/T1/tasks", "bikeshare/trucks/T1/tasks", "bikeshare/trucks/T2/tasks"),
        sentFor(planId).stream().map(RecordingPublisher.Sent::topic).sorted().toList());
    assertEquals(PlanStatus.ACTIVE, plans.plan(planId).orElseThrow().status());
    assertEquals(1, plans.plans.size());
    clock.advance(Duration.ofMinutes(1));
    assertTrue(service.planOnSchedule().isEmpty(), "published now: a recent plan again skips");
  }

  @Test
  void targetsComeFromTheHistoryOfTheHoursAhead() {
    report("B1", 4, 12);
    Instant lastWeek = START.toInstant().minus(Duration.ofDays(7));
    stations.seed(new FlowBucket("B1", lastWeek, -6, 0, 4));
    stations.seed(new FlowBucket("B1", lastWeek.plus(Duration.ofHours(1)), -5, 0, 4));
    Map<String, Target> targets = service.targets(stations.latest(), START.toInstant());
    Target target = targets.get("B1");
    assertEquals(Target.Basis.HISTORY, target.basis());
    assertEquals(11, target.minBikes());
    PlanView plan = service.plan("ops:alice").plan();
    Stop drop = plan.routes().get(0).stops().get(0);
    assertEquals("B1", drop.stationId());
    assertEquals(target.bikes() - 4, drop.drop(), "brought to the middle of its window");
  }
}
