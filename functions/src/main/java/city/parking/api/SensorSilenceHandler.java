package city.parking.api;

import city.parking.core.ParkingLayout;
import city.parking.core.SensorSilence;
import city.parking.core.SensorSilences;
import city.parking.core.SpaceHead;
import city.parking.core.SpaceStore;
import city.platform.BusEvent;
import city.platform.City;
import city.platform.DeviceHealthNotice;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.Optional;

/**
 * Target of the city bus rule {@code parking_sensor_silences}: a silent sensor makes its space unknown, its return
 * shows the sensor's status again. Billing does not change: sessions keep following the readings that do arrive.
 * A malformed event fails the invocation: after the retries it becomes a dead letter with the reason.
 */
public final class SensorSilenceHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final ParkingLayout layout;
  private final SpaceStore spaces;
  private final SensorSilences silences;

  public SensorSilenceHandler() {
    this(City.current(), Wiring.storesFromEnvironment().spaces(), Wiring.silencesFromEnvironment());
  }

  public SensorSilenceHandler(City city, SpaceStore spaces, SensorSilences silences) {
    this.layout = ParkingLayout.of(city);
    this.spaces = spaces;
    this.silences = silences;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    DeviceHealthNotice notice = DeviceHealthNotice.of(BusEvent.delivered(event));
    Optional<ParkingLayout.Zone> zone = layout.zoneOf(notice.deviceId());
    if (zone.isEmpty()) {
      return Map.of("deviceId", notice.deviceId(), "ignored", "no such space");
    }
    // the newest reading the space has now: a newer one shows the sensor speaks again, before its back arrives
    long seqAtSilence = notice.back() ? 0
        : spaces.head(zone.get().zone(), notice.deviceId()).map(SpaceHead::lastSeq).orElse(0L);
    silences.record(zone.get().zone(),
        new SensorSilence(notice.deviceId(), notice.silentSince(), notice.back(), seqAtSilence));
    return Map.of("deviceId", notice.deviceId(), notice.back() ? "back" : "silent", notice.silentSince().toString());
  }
}
