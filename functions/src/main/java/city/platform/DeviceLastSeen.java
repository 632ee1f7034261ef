package city.platform;

import city.catalog.DeviceClass;
import java.time.Duration;
import java.time.Instant;

/**
 * Records that a device spoke, for the health check (a silent device becomes a maintenance job). Not a write per
 * message: a time is written only once it has moved on by a tenth of the class's heartbeat since the last one this
 * execution environment wrote, so a device is silent no earlier than its heartbeat and no later than 1.1 times it.
 */
public interface DeviceLastSeen {
  /** A tenth of the heartbeat: the granularity of a stored last-seen time. */
  int WRITES_PER_HEARTBEAT = 10;

  /** For classes whose silence nobody watches, and for handlers that are given no table for it. */
  DeviceLastSeen NONE = (deviceId, type, at) -> {};

  void seen(String deviceId, DeviceClass type, Instant at);

  /** Pure: does a time {@code at} move on far enough from the last one written ({@code null}: none yet)? */
  static boolean worthWriting(Instant lastWritten, Instant at, Duration heartbeat) {
    return lastWritten == null || !at.isBefore(lastWritten.plus(heartbeat.dividedBy(WRITES_PER_HEARTBEAT)));
  }
}
