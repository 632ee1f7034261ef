package city.parking.core.session;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which closed session a camera read belongs to, for a read that arrives after its session closed. The same
 * rule as {@link SessionFold}'s: the session whose start..end holds the read, else the earliest session whose
 * window (start minus the plate lead .. end) holds it. Noise and voided sessions hold no plate.
 */
public final class PlateMatcher {
  private PlateMatcher() {}

  public static Optional<Session> sessionFor(OffsetDateTime ts, List<Session> sessions, Duration plateLead) {
    List<Session> billable = sessions.stream()
        .filter(s -> s.end().isPresent() && !s.noise() && !s.voided())
        .sorted(Comparator.comparing(s -> s.start().toInstant()))
        .toList();
    Optional<Session> holding = billable.stream()
        .filter(s -> !ts.isBefore(s.start()) && !ts.isAfter(s.end().get()))
        .findFirst();
    if (holding.isPresent()) {
      return holding;
    }
    return billable.stream()
        .filter(s -> !ts.isBefore(s.start().minus(plateLead)) && !ts.isAfter(s.end().get()))
        .findFirst();
  }
}
