package city.dispatch.core;

import city.platform.KeyDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Incident ids. Derived from the input wherever a retry must land on the same incident: an alert's id is its
 * sensor and device time, a citizen request's id comes from its Idempotency-Key.
 */
public final class IncidentIds {
  private static final DateTimeFormatter COMPACT_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");
  private static final int REQUEST_ID_HEX = 12;

  private IncidentIds() {}

  /** Readable: "A-F1-20261128T010000000Z" is sensor F1's alert of 01:00:00.000 UTC. */
  public static String forAlert(String sensorId, OffsetDateTime ts) {
    return "A-" + sensorId + "-" + COMPACT_UTC.format(ts.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /** The same key always gives the same id, so a retried POST finds the request it created. */
  public static String forRequest(String idempotencyKey) {
    return "R-" + KeyDigest.hex("open311\n" + idempotencyKey, REQUEST_ID_HEX / 2);
  }

  public static String newRequest() {
    return "R-" + UUID.randomUUID().toString().replace("-", "").substring(0, REQUEST_ID_HEX);
  }
}
