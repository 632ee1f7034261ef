package city.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeviceMessageTest {
  private static DeviceMessage message(String json) {
    return new DeviceMessage("parking/spaces/S1/occupancy", "S1", Instant.parse("2026-11-28T01:00:00Z"), Json.parse(json),
        DeviceTimeLimits.DEFAULTS);
  }

  @Test
  void anIntegerBeyondALongIsRefusedNotWrapped() {
    // 18446744073709553366 is 2^64 + 1750: longValue() reads it as 1750
    InvalidInput refused = assertThrows(InvalidInput.class,
        () -> message("{\"seq\": 18446744073709553366}").integer("seq", 1, Long.MAX_VALUE));
    assertEquals("field seq must be between 1 and " + Long.MAX_VALUE, refused.getMessage());
    assertEquals(Long.MAX_VALUE, message("{\"seq\": 9223372036854775807}").integer("seq", 1, Long.MAX_VALUE));
  }

  @Test
  void anIdLongerThanAnyKeyIsRefused() {
    String id = "x".repeat(129);
    InvalidInput refused = assertThrows(InvalidInput.class,
        () -> message("{\"incidentId\": \"" + id + "\"}").id("incidentId"));
    assertEquals("field incidentId must be at most 128 characters, not 129", refused.getMessage());
  }
}
