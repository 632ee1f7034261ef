package city.parking.core.session;

import java.time.Duration;
import java.time.Instant;

/**
 * What the fold needs to know about a space's zone.
 *
 * @param minimum a shorter session is sensor flapping, not billed
 * @param plateLead how long before a session's start a camera read still belongs to it (the camera may see
 *     the car arrive before the geomagnetic sensor reports it)
 * @param maxBillable a longer session is not billed but held for review: a sensor stuck on "occupied" or a
 *     device clock that jumped is likelier than a car parked for weeks, and a bill of months is never right
 * @param fee the zone's tariff for its zone class, in fen
 */
public record SessionRules(Duration minimum, Duration plateLead, Duration maxBillable, Fee fee) {
  @FunctionalInterface
  public interface Fee {
    long fen(Instant start, Instant end);
  }
}
