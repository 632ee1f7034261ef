package city.platform;

import java.time.Instant;

/**
 * What the platform keeps of a device's health: when it last spoke (to the granularity of {@link DeviceLastSeen}),
 * since when it is watched (a device never heard of is silent only a heartbeat after the watch began), and the
 * silence the health check last reported ({@code silentSince}: the time its silence counts from), if any.
 */
public record DeviceHealthItem(String deviceId, Instant lastSeen, Instant watchedSince, Instant silentSince) {
  /** What a silence counts from: the last message, or the start of the watch for a device never heard of. */
  public Instant quietSince() {
    if (lastSeen == null) {
      return watchedSince;
    }
    return watchedSince == null || lastSeen.isAfter(watchedSince) ? lastSeen : watchedSince;
  }
}
