package city.bikeshare.core.service;

import city.bikeshare.core.TruckStatus;
import city.bikeshare.core.demand.FlowSample;
import city.bikeshare.core.demand.HourOfWeek;
import city.bikeshare.core.demand.TruckMove;
import city.bikeshare.core.plan.Plan;
import city.bikeshare.core.plan.Stop;
import city.bikeshare.core.plan.TruckProgress;
import city.bikeshare.core.plan.TruckRoute;
import city.bikeshare.core.store.PlanStore;
import city.bikeshare.core.store.StationStore;
import city.bikeshare.core.store.TruckStore;
import city.platform.InvalidInput;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalInt;

/**
 * A truck's status report: its position and load for the next plan, and, when it names a plan, its progress
 * on that plan. Newly completed stops are booked as truck moves in the demand history.
 */
public final class TruckReports {
  private final ZoneId zone;
  private final TruckStore trucks;
  private final PlanStore plans;
  private final StationStore stations;

  public TruckReports(ZoneId zone, TruckStore trucks, PlanStore plans, StationStore stations) {
    this.zone = zone;
    this.trucks = trucks;
    this.plans = plans;
    this.stations = stations;
  }

  public void record(TruckStatus status) {
    List<Stop> stops = List.of();
    if (status.planId().isPresent()) {
      String planId = status.planId().get();
      Plan plan = plans.plan(planId).orElseThrow(() -> new InvalidInput("unknown plan " + planId)).plan();
      stops = plan.route(status.truckId()).map(TruckRoute::stops).orElse(List.of());
      if (status.completedStops().orElse(0) > stops.size()) {
        throw new InvalidInput("completedStops " + status.completedStops().getAsInt() + " exceeds the "
            + stops.size() + " stops of plan " + planId + " for truck " + status.truckId());
      }
    }
    trucks.apply(status);
    if (status.completedStops().isEmpty()) {
      return;
    }
    String planId = status.planId().orElseThrow();
    int completed = status.completedStops().getAsInt();
    OptionalInt before = plans.recordProgress(new TruckProgress(planId, status.truckId(), completed, status.load(),
        status.position(), status.ts()));
    if (before.isEmpty()) {
      return;
    }
    Instant at = status.ts().toInstant();
    Instant hourStart = HourOfWeek.hourStart(at, zone);
    for (int index = before.getAsInt(); index < completed; index++) {
      Stop stop = stops.get(index);
      stations.recordTruckMove(new TruckMove(stop.stationId(), HourOfWeek.of(at, zone), hourStart, planId, index,
          -stop.bikesTaken(), hourStart.plus(FlowSample.RETENTION)));
    }
  }
}
