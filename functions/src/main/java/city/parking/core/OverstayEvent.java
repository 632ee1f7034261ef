package city.parking.core;

import city.platform.BusEvent;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * What parking tells the city when a session overstays (docs/events.md, {@code city.parking} / {@value #TYPE}):
 * which session, at which space and where, since when and for how long. No plate: the event trail keeps every
 * event for 30 days and a warden reads the plate at the kerb (ops read it on the session).
 */
public record OverstayEvent(String sessionId, String spaceId, String zone, double lat, double lon,
    OffsetDateTime since, long maxStayMinutes, long stayedMinutes, Instant detectedAt) {
  public static final String SOURCE = "city.parking";
  public static final String TYPE = "Parking Overstay";

  /** One event per session: a retried or repeated detection publishes the very same id. */
  public BusEvent busEvent() {
    return BusEvent.of(SOURCE, TYPE, detectedAt, sessionId + "/overstay", this);
  }
}
