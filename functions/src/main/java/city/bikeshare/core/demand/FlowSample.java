package city.bikeshare.core.demand;

import city.bikeshare.core.StationState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The change in docked bikes between two consecutive reports of a station, booked to the local hour of the
 * later one. The history keeps one bucket per station and hour that adds these up.
 */
public record FlowSample(
    String stationId, int hourOfWeek, Instant hourStart, int netChange, int bikes, Instant reportedAt, Instant expiresAt) {

  /** Four weeks give each hour of the week four observations; a day more lets the oldest week finish. */
  public static final Duration RETENTION = Duration.ofDays(29);
  /** A change across a longer silence (a dock offline) cannot be placed in one hour, so it is not booked. */
  public static final Duration MAX_GAP = Duration.ofHours(2);

  public static Optional<FlowSample> of(StationState state, ZoneId zone) {
    if (!state.hasPrevious()) {
      return Optional.empty();
    }
    Instant at = state.reportedAt().toInstant();
    if (Duration.between(state.previousAt().toInstant(), at).compareTo(MAX_GAP) > 0) {
      return Optional.empty();
    }
    Instant hourStart = HourOfWeek.hourStart(at, zone);
    return Optional.of(new FlowSample(state.stationId(), HourOfWeek.of(at, zone), hourStart,
        state.bikes() - state.previousBikes(), state.bikes(), at, hourStart.plus(RETENTION)));
  }
}
