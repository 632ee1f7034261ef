package city.bikeshare.core.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.bikeshare.core.StationState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FlowSampleTest {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-25T08:04:00+08:00");

  @Test
  void theChangeSinceThePreviousReportIsBookedToTheLocalHourOfTheLaterOne() {
    FlowSample sample = FlowSample.of(new StationState("B1", 4, 12, AT, 7, AT.minusMinutes(10)), SHANGHAI).orElseThrow();
    assertEquals(-3, sample.netChange());
    assertEquals(2 * 24 + 8, sample.hourOfWeek());
    assertEquals(Instant.parse("2026-11-25T00:00:00Z"), sample.hourStart());
    assertEquals(sample.hourStart().plus(FlowSample.RETENTION), sample.expiresAt());
  }

  @Test
  void aFirstReportOrOneAfterALongSilenceBooksNothing() {
    assertTrue(FlowSample.of(new StationState("B1", 4, 12, AT, 4, AT), SHANGHAI).isEmpty());
    assertTrue(FlowSample.of(new StationState("B1", 4, 12, AT, 12, AT.minusHours(3)), SHANGHAI).isEmpty());
  }
}
