package city.parking.core.session;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Readings {@code from}..{@code to} of a space never arrived within the gap timeout; the history was
 * settled without them. Kept so that a reading arriving later can correct the sessions it touches.
 *
 * @param openSeq the session that was open when the gap was skipped: a correction re-folds from it
 * @param since device time from which the affected sessions can start (that session's start, or the last
 *     reading before the gap)
 */
public record SkippedRange(long from, long to, Optional<Long> openSeq, Optional<OffsetDateTime> since) {
  public boolean contains(long seq) {
    return seq >= from && seq <= to;
  }

  /** The first seq whose reading a correction must fold again. */
  public long refoldFrom() {
    return openSeq.orElse(from);
  }
}
