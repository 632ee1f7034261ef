package city.parking.core.session;

import java.time.OffsetDateTime;

/**
 * The session a space is in now: opened by the reading {@code seq} at device time {@code start}.
 *
 * @param settledWithGap a reading of this session is missing and was given up on (see {@link SkippedRange})
 */
public record OpenSession(long seq, OffsetDateTime start, boolean settledWithGap) {
  public OpenSession withGap() {
    return new OpenSession(seq, start, true);
  }
}
