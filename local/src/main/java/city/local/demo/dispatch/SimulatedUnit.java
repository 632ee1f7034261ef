package city.local.demo.dispatch;

import city.local.demo.DeviceLink;
import city.local.demo.EventLoop;
import city.local.demo.SimClock;
import city.local.demo.TwinHttp;
import city.platform.GreatCircle;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A response unit's crew: on an order it accepts after a short while, drives to the scene, works there, resolves
 * and reports itself available again, each step as a message on its own topics. A cancel drops the incident and is
 * acknowledged.
 * A crew that ignored an order (the radio was off) is taken off duty by dispatch and comes back a while later. A crew
 * told to drop the incident it works reports available again.
 */
final class SimulatedUnit {
  static final String DEVICE_CLASS = "units";
  /** A maintenance crew works on the device until it speaks again, and resolves nothing itself. */
  private static final String MAINTENANCE = "maintenance";
  private static final double DRIVING_KMH = 40;
  private static final Duration BACK_ON_DUTY = Duration.ofMinutes(20);

  /** units/{unitId}/status (device contract). */
  record Status(String kind, String status, double lat, double lon, String ts) {}

  /** units/{unitId}/acks (device contract). */
  record Ack(String incidentId, String action, String ts) {}

  private final String unitId;
  private final String kind;
  private final SimClock clock;
  private final DeviceLink devices;
  private final EventLoop loop;
  private final Random random;
  private final Set<String> working = new HashSet<>();
  private final Set<String> ignored = new HashSet<>();
  private double lat;
  private double lon;
  private final AtomicInteger orders = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger resolved = new AtomicInteger();
  private final AtomicInteger cancels = new AtomicInteger();
  private final AtomicInteger silences = new AtomicInteger();

  SimulatedUnit(String unitId, String kind, double lat, double lon, SimClock clock, DeviceLink devices, EventLoop loop,
      Random random) {
    this.unitId = unitId;
    this.kind = kind;
    this.lat = lat;
    this.lon = lon;
    this.clock = clock;
    this.devices = devices;
    this.loop = loop;
    this.random = random;
  }

  String unitId() {
    return unitId;
  }

  String kind() {
    return kind;
  }

  void reportAvailable(Instant at) {
    report("available", at);
  }

  /** An order this crew works: accept, drive, arrive, work, resolve, available. */
  void assign(String incidentId, double sceneLat, double sceneLon, Instant at) {
    orders.incrementAndGet();
    working.add(incidentId);
    loop.after(at, Duration.ofSeconds(20 + random.nextInt(101)), acceptedAt -> {
      if (!working.contains(incidentId)) {
        return;
      }
      acknowledge(incidentId, "accept", acceptedAt);
      report("busy", acceptedAt);
      accepted.incrementAndGet();
      double km = GreatCircle.meters(lat, lon, sceneLat, sceneLon) / 1000;
      Duration drive = Duration.ofSeconds(Math.round(km / DRIVING_KMH * 3600) + 60 + random.nextInt(121));
      loop.after(acceptedAt, drive, arrivedAt -> {
        if (!working.contains(incidentId)) {
          return;
        }
        lat = sceneLat;
        lon = sceneLon;
        acknowledge(incidentId, "arrive", arrivedAt);
        if (kind.equals(MAINTENANCE)) {
          return; // the device speaking again ends the job: the system closes it and tells the crew to drop it
        }
        loop.after(arrivedAt, Duration.ofSeconds(8 * 60 + random.nextInt(32 * 60)), resolvedAt -> {
          if (!working.remove(incidentId)) {
            return;
          }
          acknowledge(incidentId, "resolve", resolvedAt);
          resolved.incrementAndGet();
          if (working.isEmpty()) {
            report("available", resolvedAt);
          }
        });
      });
    });
  }

  /** An order this crew never answers: dispatch must give the incident to another unit. */
  void ignore(String incidentId) {
    orders.incrementAndGet();
    silences.incrementAndGet();
    ignored.add(incidentId);
  }

  /** Confirmed every time (dispatch re-sends a cancel until it is confirmed); counted once per withdrawal. */
  void cancel(String incidentId, Instant at) {
    acknowledge(incidentId, "cancel", at);
    boolean wasWorking = working.remove(incidentId);
    boolean wasIgnored = ignored.remove(incidentId);
    if (wasWorking || wasIgnored) {
      cancels.incrementAndGet();
    }
    if (wasWorking && working.isEmpty()) {
      report("available", at);
    }
    if (wasIgnored) {
      loop.after(at, BACK_ON_DUTY, back -> {
        if (working.isEmpty()) {
          report("available", back);
        }
      });
    }
  }

  int orders() {
    return orders.get();
  }

  int accepted() {
    return accepted.get();
  }

  int resolved() {
    return resolved.get();
  }

  int cancels() {
    return cancels.get();
  }

  int silences() {
    return silences.get();
  }

  private void acknowledge(String incidentId, String action, Instant at) {
    devices.publish(DEVICE_CLASS, "units/" + unitId + "/acks", new Ack(incidentId, action, clock.deviceTime(at)));
  }

  private void report(String status, Instant at) {
    devices.publish(DEVICE_CLASS, "units/" + unitId + "/status", new Status(kind, status, lat, lon, clock.deviceTime(at)));
  }
}
