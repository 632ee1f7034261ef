package city.bikeshare.api;

import city.bikeshare.core.BikeshareLayout;
import city.bikeshare.core.closure.DockSilence;
import city.bikeshare.core.store.DockSilences;
import city.platform.BusEvent;
import city.platform.City;
import city.platform.DeviceHealthNotice;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * Target of the city bus rule {@code bikeshare_dock_silences}: a silent dock stops its station renting in GBFS, its
 * return lifts that. A malformed event fails the invocation: after the retries it becomes a dead letter with the
 * reason.
 */
public final class DockSilenceHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final BikeshareLayout layout;
  private final DockSilences silences;

  public DockSilenceHandler() {
    this(City.current(), Wiring.dockSilences());
  }

  public DockSilenceHandler(City city, DockSilences silences) {
    this.layout = BikeshareLayout.of(city);
    this.silences = silences;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    DeviceHealthNotice notice = DeviceHealthNotice.of(BusEvent.delivered(event));
    if (layout.station(notice.deviceId()).isEmpty()) {
      return Map.of("stationId", notice.deviceId(), "ignored", "no such station");
    }
    silences.record(new DockSilence(notice.deviceId(), notice.silentSince(), notice.back()));
    return Map.of("stationId", notice.deviceId(), notice.back() ? "back" : "silent", notice.silentSince().toString());
  }
}
