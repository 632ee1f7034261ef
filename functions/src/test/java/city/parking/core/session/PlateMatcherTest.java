package city.parking.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlateMatcherTest {
  private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-28T10:00:00+08:00");
  private static final Duration LEAD = Duration.ofMinutes(2);

  static Session closed(long openSeq, OffsetDateTime start, OffsetDateTime end, boolean noise) {
    return Session.closed(new ClosedSession("S1", openSeq, start, openSeq + 1, end, false, noise, Optional.empty(), 100, false),
        "Z1", ZoneId.of("Asia/Shanghai"), 1);
  }

  private final Session first = closed(1, T, T.plusMinutes(30), false);
  private final Session flapping = closed(3, T.plusMinutes(30).plusSeconds(30), T.plusMinutes(30).plusSeconds(50), true);
  private final Session second = closed(5, T.plusMinutes(31), T.plusMinutes(90), false);
  private final List<Session> sessions = List.of(second, flapping, first);

  @Test
  void theSessionHoldingTheReadWinsOverTheNextSessionsLeadWindow() {
    assertEquals(Optional.of(first), PlateMatcher.sessionFor(T.plusMinutes(29).plusSeconds(30), sessions, LEAD));
  }

  @Test
  void aReadJustBeforeASessionBelongsToIt() {
    assertEquals(Optional.of(second), PlateMatcher.sessionFor(T.plusMinutes(30).plusSeconds(40), sessions, LEAD));
    assertEquals(Optional.of(first), PlateMatcher.sessionFor(T.minusMinutes(2), sessions, LEAD));
  }

  @Test
  void aReadFarFromEverySessionBelongsToNone() {
    assertEquals(Optional.empty(), PlateMatcher.sessionFor(T.minusMinutes(3), sessions, LEAD));
    assertEquals(Optional.empty(), PlateMatcher.sessionFor(T.plusMinutes(91), sessions, LEAD));
  }
}
