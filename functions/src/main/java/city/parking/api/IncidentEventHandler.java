package city.parking.api;

import city.parking.core.ClosureSettings;
import city.parking.core.IncidentClosures;
import city.parking.core.IncidentNotice;
import city.parking.core.ParkingLayout;
import city.parking.core.SpaceClosures;
import city.platform.BusEvent;
import city.platform.City;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * Target of the city bus rule {@code parking_incident_closures}: an incident opened nearby closes spaces, its end
 * reopens them. A malformed event fails the invocation: after the retries it becomes a dead letter with the reason.
 */
public final class IncidentEventHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final IncidentClosures closures;

  public IncidentEventHandler() {
    this(City.current(), Wiring.closuresFromEnvironment());
  }

  public IncidentEventHandler(City city, SpaceClosures closures) {
    this.closures = new IncidentClosures(ClosureSettings.of(city), ParkingLayout.of(city), closures);
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    IncidentNotice notice = IncidentNotice.of(BusEvent.delivered(event));
    int spaces = closures.apply(notice).size();
    return Map.of("incidentId", notice.incidentId(), notice.ended() ? "reopened" : "closed", spaces);
  }
}
