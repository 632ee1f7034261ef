package city.parking.core;

import java.time.OffsetDateTime;

/** What a space is now and since when (device time of the first reading of the current status). */
public record SpaceState(String spaceId, SpaceStatus status, OffsetDateTime since, long seq) {
  public static SpaceState unknown(String spaceId) {
    return new SpaceState(spaceId, SpaceStatus.UNKNOWN, null, -1);
  }
}
