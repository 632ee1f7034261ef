package city.bikeshare.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.bikeshare.core.plan.Plan;
import city.bikeshare.core.plan.PlanSummary;
import city.bikeshare.core.plan.Stop;
import city.bikeshare.core.plan.Trip;
import city.bikeshare.core.plan.TruckRoute;
import city.platform.GeoPoint;
import city.bikeshare.core.store.MemoryPlanStore;
import city.bikeshare.core.store.MemoryStationStore;
import city.bikeshare.core.store.MemoryTruckStore;
import city.bikeshare.core.TruckStatus;
import city.bikeshare.core.demand.TruckMove;
import city.platform.InvalidInput;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TruckReportsTest {
  static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-25T08:10:00+08:00");
  static final GeoPoint HERE = new GeoPoint(36.52, 118.54);

  private final MemoryTruckStore trucks = new MemoryTruckStore();
  private final MemoryPlanStore plans = new MemoryPlanStore();
  private final MemoryStationStore stations = new MemoryStationStore();
  private final TruckReports reports = new TruckReports(ZoneId.of("Asia/Shanghai"), trucks, plans, stations);

  TruckReportsTest() {
    List<Stop> stops = List.of(Stop.of("B1", 8, 1, 8), Stop.of("B2", -5, 1, 3), Stop.of("B4", -3, 1, 0));
    TruckRoute route = new TruckRoute("T1", 20, 0, stops, List.of(new Trip(1, false, 0, 3, 3000)), 3000, 0);
    PlanSummary summary = new PlanSummary(3, 3, 3, 8, 8, 8, 0, 0, 3000, 1, 1, 3000, 5);
    plans.save(new Plan("P1", AT.minusMinutes(10), "test", List.of(route), summary));
  }

  private static TruckStatus status(OffsetDateTime ts, int load, String planId, Integer completed) {
    return new TruckStatus("T1", HERE, load, ts, Optional.ofNullable(planId),
        completed == null ? OptionalInt.empty() : OptionalInt.of(completed));
  }

  @Test
  void positionAndLoadAreKeptForTheNextPlan() {
    reports.record(status(AT, 4, null, null));
    assertEquals(4, trucks.trucks.get("T1").load());
    reports.record(status(AT.minusMinutes(1), 9, null, null));
    assertEquals(4, trucks.trucks.get("T1").load(), "an older report does not win");
  }

  @Test
  void completedStopsAreProgressAndTruckMovesInTheHistory() {
    reports.record(status(AT, 8, "P1", 1));
    reports.record(status(AT.plusMinutes(5), 3, "P1", 2));
    assertEquals(2, plans.progress("P1").get(0).completedStops());
    assertEquals(List.of(-8, 5), stations.moves.values().stream().map(TruckMove::bikesAdded).toList(),
        "a pickup took 8 bikes out of B1, a drop put 5 into B2");

    reports.record(status(AT.plusMinutes(5), 3, "P1", 2));
    assertEquals(2, stations.moves.size(), "a redelivered report books nothing new");
    reports.record(status(AT.plusMinutes(2), 8, "P1", 1));
    assertEquals(2, plans.progress("P1").get(0).completedStops(), "an older report does not roll progress back");
  }

  @Test
  void progressOnAnUnknownPlanOrBeyondTheListIsRefused() {
    InvalidInput unknown = assertThrows(InvalidInput.class, () -> reports.record(status(AT, 0, "P0", 1)));
    assertEquals("unknown plan P0", unknown.getMessage());
    InvalidInput beyond = assertThrows(InvalidInput.class, () -> reports.record(status(AT, 0, "P1", 4)));
    assertTrue(beyond.getMessage().contains("exceeds the 3 stops"), beyond.getMessage());
    assertTrue(trucks.trucks.isEmpty(), "a refused report changes nothing");
  }
}
