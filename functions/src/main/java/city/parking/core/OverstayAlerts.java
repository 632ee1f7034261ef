package city.parking.core;

import city.parking.core.session.OpenSession;
import city.parking.core.session.PlateCandidate;
import city.parking.core.session.SessionId;
import city.platform.DevicePublisher;
import city.platform.EventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes an overstay once per session, on the city bus ({@link OverstayEvent}: dispatch makes it a warden's job)
 * and on {@code parking/enforcement/{zone}}: the head records the session as alerted (conditional write) before the
 * publishes, and takes the mark back if either fails, so the next run tries again (the bus event keeps its id, so a
 * second publish opens no second job).
 */
public final class OverstayAlerts {
  private static final Logger LOG = LoggerFactory.getLogger(OverstayAlerts.class);

  private final ParkingSettings settings;
  private final SpaceStore spaces;
  private final DevicePublisher publisher;
  private final EventPublisher events;

  public OverstayAlerts(ParkingSettings settings, SpaceStore spaces, DevicePublisher publisher, EventPublisher events) {
    this.settings = settings;
    this.spaces = spaces;
    this.publisher = publisher;
    this.events = events;
  }

  /** What enforcement officers' devices receive. */
  public record Alert(String alert, String zone, String spaceId, String sessionId, OffsetDateTime since,
      long maxStayMinutes, long stayedMinutes, String plate, Instant detectedAt) {}

  /** @return how many alerts were published */
  public int check(Instant now) {
    int published = 0;
    for (ParkingLayout.Zone zone : settings.layout().zones()) {
      Optional<Duration> maxStay = settings.maxStay(zone);
      if (maxStay.isEmpty()) {
        continue;
      }
      for (SpaceHead head : spaces.zone(zone.zone())) {
        Optional<OpenSession> open = head.fold().open();
        if (open.isEmpty() || head.alertedSeq() == open.get().seq()) {
          continue;
        }
        Duration stayed = Duration.between(open.get().start().toInstant(), now);
        if (stayed.compareTo(maxStay.get()) <= 0) {
          continue;
        }
        if (!spaces.putHead(head.alerted(open.get().seq()).nextVersion())) {
          continue; // the head changed (maybe the car left): the next run looks again
        }
        Alert alert = new Alert("overstay", zone.zone(), head.spaceId(),
            SessionId.of(head.spaceId(), open.get().start(), open.get().seq(), settings.timeZone()).toString(),
            open.get().start(), maxStay.get().toMinutes(), stayed.toMinutes(),
            head.fold().openPlate(settings.rules(zone.zone())).map(PlateCandidate::plate).orElse(null), now);
        try {
          events.publish(event(zone, head.spaceId(), alert).busEvent());
          publisher.publish("parking/enforcement/" + zone.zone(), alert);
          published++;
        } catch (RuntimeException e) {
          LOG.warn("overstay alert for {} not published, will retry: {}", alert.sessionId(), e.toString());
          release(zone.zone(), head.spaceId(), open.get().seq());
        }
      }
    }
    return published;
  }

  private static OverstayEvent event(ParkingLayout.Zone zone, String spaceId, Alert alert) {
    ParkingLayout.Space space = zone.spaces().stream().filter(s -> s.spaceId().equals(spaceId)).findFirst()
        .orElseThrow(() -> new IllegalStateException("space " + spaceId + " is not in zone " + zone.zone()));
    return new OverstayEvent(alert.sessionId(), spaceId, zone.zone(), space.lat(), space.lon(), alert.since(),
        alert.maxStayMinutes(), alert.stayedMinutes(), alert.detectedAt());
  }

  private void release(String zone, String spaceId, long seq) {
    for (int attempt = 0; attempt < 5; attempt++) {
      SpaceHead head = spaces.head(zone, spaceId).orElseThrow();
      if (head.alertedSeq() != seq || spaces.putHead(head.alerted(0).nextVersion())) {
        return;
      }
    }
  }
}
