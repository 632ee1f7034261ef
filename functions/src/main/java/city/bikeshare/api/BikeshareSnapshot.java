package city.bikeshare.api;

import city.bikeshare.BikeshareModule;
import city.bikeshare.core.StationState;
import city.bikeshare.core.plan.PlanView;
import city.bikeshare.core.store.PlanStore;
import city.bikeshare.core.store.StationStore;
import city.platform.City;
import city.platform.SnapshotPart;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;

/**
 * Bikeshare's share of the city snapshot: each station's last report (bikes and docks) and the latest plan with the
 * trucks' progress and positions (absent before the first plan).
 */
public final class BikeshareSnapshot implements SnapshotPart {
  record StationView(String stationId, int bikes, int docks, OffsetDateTime reportedAt) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Fleet(List<StationView> stations, PlanView plan) {}

  @Override
  public String name() {
    return "bikeshare";
  }

  @Override
  public List<String> tables() {
    return List.of(BikeshareModule.TABLE);
  }

  @Override
  public Supplier<Object> open(City city) {
    StationStore stations = Wiring.stations();
    PlanStore plans = Wiring.plans();
    return () -> new Fleet(
        stations.latest().stream().map(BikeshareSnapshot::view).toList(),
        plans.latestPlanId().flatMap(plans::plan)
            .map(stored -> PlanView.of(stored, plans.progress(stored.plan().planId())))
            .orElse(null));
  }

  private static StationView view(StationState state) {
    return new StationView(state.stationId(), state.bikes(), state.docks(), state.reportedAt());
  }
}
