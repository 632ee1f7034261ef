package city.parking.core.session;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A session the fold closed: from the reading {@code openSeq} (occupied) to {@code closeSeq} (free).
 *
 * @param noise shorter than the minimum session: sensor flapping, not billed
 * @param amountDue the full fee in fen (0 for noise and for a session held for review)
 * @param heldForReview longer than the zone's billable limit: not billed, listed for ops to review
 */
public record ClosedSession(
    String spaceId,
    long openSeq,
    OffsetDateTime start,
    long closeSeq,
    OffsetDateTime end,
    boolean settledWithGap,
    boolean noise,
    Optional<PlateCandidate> plate,
    long amountDue,
    boolean heldForReview) {

  public Duration duration() {
    return Duration.between(start, end);
  }
}
