package city.bikeshare.core.service;

import city.bikeshare.core.BikeshareLayout;
import city.bikeshare.core.closure.IncidentNotice;
import city.bikeshare.core.closure.NearbyStations;
import city.bikeshare.core.closure.StationClosureSettings;
import city.bikeshare.core.store.StationClosures;
import java.util.List;
import java.util.Optional;

/**
 * Rule 2 of the city bus: an incident of a listed category closes every station within the radius (no renting or
 * returning in GBFS, a station_closure alert, the planner skips it and a plan still sending a truck there is
 * superseded); its end lifts the closure, and the next plan may visit the station again.
 */
public final class StationIncidents {
  private final StationClosureSettings settings;
  private final BikeshareLayout layout;
  private final StationClosures closures;
  private final PlanService planner;

  public StationIncidents(StationClosureSettings settings, BikeshareLayout layout, StationClosures closures,
      PlanService planner) {
    this.settings = settings;
    this.layout = layout;
    this.closures = closures;
    this.planner = planner;
  }

  /** @param supersedingPlanId the plan made because the latest one still visited a closed station */
  public record Applied(List<NearbyStations.Affected> stations, Optional<String> supersedingPlanId) {}

  /** Idempotent: the same notice twice writes the same records, and supersedes the plan at most once. */
  public Applied apply(IncidentNotice incident) {
    List<NearbyStations.Affected> stations = NearbyStations.of(incident, settings, layout);
    for (NearbyStations.Affected station : stations) {
      if (incident.ended()) {
        closures.reopen(station.stationId(), incident.incidentId(), incident.category(), incident.at());
      } else {
        closures.close(station.stationId(), incident.incidentId(), incident.category(), incident.at());
      }
    }
    if (incident.ended() || stations.isEmpty()) {
      return new Applied(stations, Optional.empty());
    }
    return new Applied(stations, planner.avoidClosedStations("incident:" + incident.incidentId())
        .filter(PlanService.Outcome::published)
        .map(outcome -> outcome.plan().planId()));
  }
}
