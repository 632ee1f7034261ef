package city.bikeshare.api;

import city.bikeshare.core.BikeshareLayout;
import city.bikeshare.core.closure.IncidentNotice;
import city.bikeshare.core.closure.StationClosureSettings;
import city.bikeshare.core.service.PlanService;
import city.bikeshare.core.service.StationIncidents;
import city.bikeshare.core.store.StationClosures;
import city.platform.BusEvent;
import city.platform.City;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Target of the city bus rule {@code bikeshare_incident_closures}: an incident opened nearby closes stations (and
 * supersedes a plan that still visits them), its end reopens them. A malformed event fails the invocation: after the
 * retries it becomes a dead letter with the reason.
 */
public final class StationIncidentHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final StationIncidents incidents;

  public StationIncidentHandler() {
    this(City.current(), Wiring.closures(), Wiring.planService());
  }

  public StationIncidentHandler(City city, StationClosures closures, PlanService planner) {
    this.incidents = new StationIncidents(StationClosureSettings.of(city), BikeshareLayout.of(city), closures, planner);
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    IncidentNotice notice = IncidentNotice.of(BusEvent.delivered(event));
    StationIncidents.Applied applied = incidents.apply(notice);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("incidentId", notice.incidentId());
    result.put(notice.ended() ? "reopened" : "closed", applied.stations().size());
    applied.supersedingPlanId().ifPresent(planId -> result.put("supersedingPlanId", planId));
    return result;
  }
}
