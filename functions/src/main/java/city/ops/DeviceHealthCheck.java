package city.ops;

import city.catalog.Device;
import city.platform.City;
import city.platform.DeviceHealthItem;
import city.platform.DeviceHealthStore;
import city.platform.DeviceHeartbeats;
import city.platform.EventPublisher;
import city.platform.GeoPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rule 4's scheduled check: every watched device of the city file that went silent is reported once on the bus
 * (dispatch opens a maintenance job), and reported back once it spoke again (dispatch closes it). Each report is
 * published before its mark is written: a run that dies between the two publishes again next time, with the same id.
 */
final class DeviceHealthCheck {
  private final City city;
  private final DeviceHeartbeats heartbeats;
  private final DeviceHealthStore store;
  private final EventPublisher events;

  DeviceHealthCheck(City city, DeviceHealthStore store, EventPublisher events) {
    this.city = city;
    this.heartbeats = DeviceHeartbeats.of(city);
    this.store = store;
    this.events = events;
  }

  /** @return how many devices were newly watched, reported silent and reported back */
  Map<String, Object> run(Instant now) {
    Map<String, DeviceHealthItem> items = store.all();
    int watched = 0;
    int silent = 0;
    int back = 0;
    for (Device device : city.devices()) {
      Optional<Duration> heartbeat = heartbeats.silentAfter(device.type());
      if (heartbeat.isEmpty()) {
        continue;
      }
      DeviceHealthItem item = items.get(device.deviceId());
      DeviceWatch.Decision decision = DeviceWatch.decide(item, heartbeat.get(), now);
      switch (decision.step()) {
        case WATCH -> {
          store.watch(device.deviceId(), now);
          watched++;
        }
        case REPORT_SILENT -> {
          events.publish(event(device, item, decision.since(), heartbeat.get(), now).silent());
          store.markSilent(device.deviceId(), decision.since());
          silent++;
        }
        case REPORT_BACK -> {
          events.publish(event(device, item, decision.since(), heartbeat.get(), now).back());
          store.clearSilent(device.deviceId(), decision.since());
          back++;
        }
        case NOTHING -> {
          // healthy, or its silence is reported already
        }
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("time", now.toString());
    result.put("watched", watched);
    result.put("silent", silent);
    result.put("back", back);
    return result;
  }

  private DeviceHealthEvent event(Device device, DeviceHealthItem item, Instant silentSince, Duration heartbeat,
      Instant now) {
    GeoPoint position = DevicePositions.of(city, device);
    return new DeviceHealthEvent(device.deviceId(), device.type().wireName(), position.lat(), position.lon(), silentSince,
        item.lastSeen(), heartbeat.toMillis() / 60_000.0, now);
  }
}
