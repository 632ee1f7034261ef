package city.parking.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionIdTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void theIdNamesSpaceLocalDateOfStartAndOpeningSeq() {
    // 23:30 UTC is 07:30 the next day in Shanghai: the city's date counts
    SessionId id = SessionId.of("S1", OffsetDateTime.parse("2026-11-27T23:30:00Z"), 17, SHANGHAI);
    assertEquals("S1-20261128-17", id.toString());
  }

  @Test
  void parsingGivesBackTheParts() {
    assertEquals(Optional.of(new SessionId("S1", LocalDate.of(2026, 11, 28), 17)), SessionId.parse("S1-20261128-17"));
    assertEquals(Optional.of(new SessionId("Z-4-S9", LocalDate.of(2026, 1, 2), 3)), SessionId.parse("Z-4-S9-20260102-3"));
  }

  @Test
  void anythingElseIsNoSession() {
    for (String text : new String[] {"", "S1", "S1-17", "S1-2026-11-28-17", "S1-20261328-17", "S1-20261128-x",
        "S1-20261128-0", "-20261128-5"}) {
      assertEquals(Optional.empty(), SessionId.parse(text), text);
    }
  }
}
