package city.dispatch.api;

import city.dispatch.core.DeviceNotice;
import city.dispatch.core.FaultNotice;
import city.dispatch.core.HotlineSettings;
import city.dispatch.core.OverstayNotice;
import city.dispatch.core.SystemIncidents;
import city.platform.BusEvent;
import city.platform.City;
import city.platform.InvalidInput;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * Target of the city bus rules that turn other domains' events into incidents: an overstay becomes a warden's job
 * ({@code dispatch_parking_enforcement}), a silent device a maintenance job that closes when it speaks again
 * ({@code dispatch_device_maintenance}), a dock's fault one at once ({@code dispatch_dock_faults}). A malformed event fails the invocation: after the retries it becomes a
 * dead letter with the reason.
 */
public final class SystemIncidentHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final Wiring wiring;
  private final SystemIncidents incidents;

  public SystemIncidentHandler() {
    this(City.current(), Wiring.fromEnvironment(City.current()));
  }

  public SystemIncidentHandler(City city, Wiring wiring) {
    this.wiring = wiring;
    this.incidents = new SystemIncidents(wiring.settings(), HotlineSettings.of(city), wiring.incidents(),
        wiring.dispatcher(), wiring.incidentEvents());
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    BusEvent delivered = BusEvent.delivered(event);
    if (delivered.source().equals(OverstayNotice.SOURCE) && delivered.detailType().equals(OverstayNotice.TYPE)) {
      SystemIncidents.Opened opened = incidents.open(OverstayNotice.report(delivered, wiring.settings().zone()));
      return Map.of("incidentId", opened.incident().incidentId(), "created", opened.created());
    }
    if (delivered.source().equals(DeviceNotice.SOURCE)) {
      DeviceNotice notice = DeviceNotice.of(delivered);
      if (notice.back()) {
        boolean cleared = incidents.clear(notice.incidentId(), "device " + notice.deviceId() + " spoke again",
            notice.at(wiring.settings().zone()));
        return Map.of("incidentId", notice.incidentId(), "cleared", cleared);
      }
      SystemIncidents.Opened opened = incidents.open(notice.report(wiring.settings().zone()));
      return Map.of("incidentId", opened.incident().incidentId(), "created", opened.created());
    }
    if (delivered.source().equals(FaultNotice.SOURCE)) {
      FaultNotice notice = FaultNotice.of(delivered);
      if (notice.cleared()) {
        boolean cleared = incidents.clear(notice.incidentId(), "dock " + notice.stationId() + " reports no fault",
            notice.at(wiring.settings().zone()));
        return Map.of("incidentId", notice.incidentId(), "cleared", cleared);
      }
      SystemIncidents.Opened opened = incidents.open(notice.report(wiring.settings().zone()));
      return Map.of("incidentId", opened.incident().incidentId(), "created", opened.created());
    }
    throw new InvalidInput("no incident is opened for " + delivered.source() + " " + delivered.detailType());
  }
}
