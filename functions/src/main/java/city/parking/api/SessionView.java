package city.parking.api;

import city.parking.core.session.Session;
import java.time.OffsetDateTime;

/**
 * A session as a citizen sees it. {@code amountDue} is the full fee of a closed session in fen (0 while
 * open); {@code end} and {@code plate} are null when not known.
 */
public record SessionView(String sessionId, String spaceId, String zone, OffsetDateTime start, OffsetDateTime end,
    String plate, long amountDue, boolean paid, String status) {

  public static SessionView of(Session s) {
    return new SessionView(s.sessionId(), s.spaceId(), s.zone(), s.start(), s.end().orElse(null),
        s.plateNumber().orElse(null), s.amountDue(), s.paid(), status(s));
  }

  /**
   * open, unpaid, paid, free (nothing to pay), noise (flapping, not billed), review (longer than the billable
   * limit: not billed, held for ops to review) or voided.
   */
  static String status(Session s) {
    if (s.isOpen()) {
      return "open";
    }
    if (s.voided()) {
      return "voided";
    }
    if (s.noise()) {
      return "noise";
    }
    if (s.heldForReview()) {
      return "review";
    }
    if (s.paid()) {
      return "paid";
    }
    return s.billable() ? "unpaid" : "free";
  }
}
