package city.parking.api;

import city.parking.core.ArrearsCheck;
import city.parking.core.GapSettlement;
import city.parking.core.OverstayAlerts;
import city.parking.core.ParkingSettings;
import city.parking.core.ParkingStores;
import city.parking.core.SessionBook;
import city.parking.core.WaitingReads;
import city.platform.City;
import city.platform.DevicePublisher;
import city.platform.EventBridgePublisher;
import city.platform.EventPublisher;
import city.platform.IotDevicePublisher;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs every few minutes: settles gaps that waited past the gap timeout, publishes overstay alerts, lists
 * sessions that fell into arrears. The schedule's event time is "now", so a run can be replayed.
 */
public final class SettlementHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final GapSettlement gaps;
  private final OverstayAlerts overstays;
  private final ArrearsCheck arrears;
  private final Clock clock;

  public SettlementHandler() {
    this(City.current(), Wiring.storesFromEnvironment(), IotDevicePublisher.fromEnvironment(),
        EventBridgePublisher.fromEnvironment(), Clock.systemUTC());
  }

  public SettlementHandler(City city, ParkingStores stores, DevicePublisher publisher, EventPublisher events,
      Clock clock) {
    ParkingSettings settings = ParkingSettings.of(city);
    SessionBook book = new SessionBook(settings, stores.sessions());
    this.gaps = new GapSettlement(settings, stores.spaces(), book, new WaitingReads(stores.plateReads()));
    this.overstays = new OverstayAlerts(settings, stores.spaces(), publisher, events);
    this.arrears = new ArrearsCheck(settings, stores.sessions(), book);
    this.clock = clock;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Instant now = ScheduledTime.of(event, clock);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("time", now.toString());
    result.put("gapsSettled", gaps.settle(now));
    result.put("overstayAlerts", overstays.check(now));
    result.put("arrearsListed", arrears.check(now));
    return result;
  }
}
