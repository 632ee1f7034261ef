package city.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.DeviceClass;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceTimeLimitsTest {
  private static final Instant ARRIVAL = Instant.parse("2026-11-28T01:00:00Z");
  private static final DeviceTimeLimits LIMITS = DeviceTimeLimits.DEFAULTS;

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.ofHours(8));
  }

  @Test
  void theDefaultsAreADayAheadAndThirtyDaysBack() {
    assertEquals(new DeviceTimeLimits(Duration.ofHours(24), Duration.ofDays(30)), DeviceTimeLimits.of(TestCity.sample()));
    LIMITS.check("ts", at(ARRIVAL.plus(Duration.ofHours(24))), ARRIVAL);
    LIMITS.check("ts", at(ARRIVAL.minus(Duration.ofDays(30))), ARRIVAL);
  }

  @Test
  void aClockFurtherAheadIsRefusedWithTheLimitInTheReason() {
    InvalidInput refused = assertThrows(InvalidInput.class,
        () -> LIMITS.check("ts", at(ARRIVAL.plus(Duration.ofHours(24)).plusSeconds(1)), ARRIVAL));
    assertTrue(refused.getMessage().contains("platform.maxClockSkew (1 day)"), refused.getMessage());
    InvalidInput year9999 = assertThrows(InvalidInput.class,
        () -> LIMITS.check("ts", OffsetDateTime.parse("9999-12-31T23:59:59+08:00"), ARRIVAL));
    assertTrue(year9999.getMessage().startsWith("field ts 9999-12-31T23:59:59+08:00 is "), year9999.getMessage());
  }

  @Test
  void anOlderTimeIsRefusedWithTheLimitInTheReason() {
    InvalidInput refused = assertThrows(InvalidInput.class,
        () -> LIMITS.check("ts", OffsetDateTime.parse("2016-03-01T08:00:00+08:00"), ARRIVAL));
    assertTrue(refused.getMessage().contains("before the message's arrival at 2026-11-28T01:00:00Z"), refused.getMessage());
    assertTrue(refused.getMessage().contains("platform.maxMessageAge (30 days)"), refused.getMessage());
  }

  @Test
  void theCityFileSetsTheLimits() {
    ObjectNode root = TestCity.sample().root().deepCopy();
    root.putObject("platform").put("maxClockSkew", "90s").put("maxMessageAge", "PT48H");
    assertEquals(new DeviceTimeLimits(Duration.ofSeconds(90), Duration.ofHours(48)), DeviceTimeLimits.of(City.parse(root)));
    root.putObject("platform").put("maxClockSkew", "soon");
    assertThrows(IllegalArgumentException.class, () -> DeviceTimeLimits.of(City.parse(root)));
  }

  @Test
  void everyDeviceTimeAFunctionReadsIsHeldToTheLimits() {
    MemoryDeadLetters deadLetters = new MemoryDeadLetters();
    DeviceMessageHandler handler = new DeviceMessageHandler(new DeviceClass("parking-sensor"), TestCity.sample(), deadLetters) {
      @Override
      protected void handle(DeviceMessage message) {
        message.timestamp("ts");
      }
    };
    String payload = "{\"occupied\": true, \"ts\": \"2016-03-01T08:00:00+08:00\", \"seq\": 1}";
    Map<String, Object> result = handler.handleRequest(Map.of(
        RuleEvent.PAYLOAD, Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)),
        RuleEvent.TOPIC, "parking/spaces/S1/occupancy",
        RuleEvent.DEVICE_ID, "S1",
        RuleEvent.RECEIVED_AT, ARRIVAL.toEpochMilli()), null);
    assertEquals("dead-lettered", result.get("status"));
    assertTrue(deadLetters.letters.get(0).reason().contains("platform.maxMessageAge"), deadLetters.letters.get(0).reason());
  }
}
