package city.parking.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.parking.api.OccupancyHandler;
import city.parking.core.ParkingStores;
import city.platform.DeviceMessageHandler;
import city.platform.DeviceTimeLimits;
import city.platform.InvalidInput;
import city.platform.Json;
import city.platform.MemoryDeadLetters;
import city.platform.RuleEvent;
import city.platform.TestCity;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class OccupancyReadingTest {
  /** When the sample messages arrived: their device times are within the limits around it. */
  private static final Instant ARRIVAL = Instant.parse("2026-11-28T01:00:00Z");
  private final DeviceMessageHandler checks = new OccupancyHandler(TestCity.sample(),
      new ParkingStores(null, null, null, null, null), new MemoryDeadLetters(), Clock.systemUTC());

  @SuppressWarnings("unchecked")
  @ParameterizedTest
  @Event(value = "../events/ParkingOccupancy.json", type = Map.class)
  void theSampleEventIsAReading(Map<String, Object> event) {
    OccupancyReading reading = OccupancyReading.extract(checks.accept(RuleEvent.extract(event)));
    assertEquals(new OccupancyReading("S1", true, OffsetDateTime.parse("2026-11-28T09:00:00+08:00"), 17), reading);
  }

  @Test
  void aTimestampWithoutOffsetIsRefused() {
    var message = new city.platform.DeviceMessage("parking/spaces/S1/occupancy", "S1", ARRIVAL,
        Json.parse("{\"occupied\": false, \"ts\": \"2026-11-28T09:00:00\", \"seq\": 3}"), DeviceTimeLimits.DEFAULTS);
    var error = assertThrows(InvalidInput.class, () -> OccupancyReading.extract(message));
    assertTrue(error.getMessage().startsWith("field ts must be ISO-8601 with offset"));
  }

  @Test
  void seqCountsFromOne() {
    var message = new city.platform.DeviceMessage("parking/spaces/S1/occupancy", "S1", ARRIVAL,
        Json.parse("{\"occupied\": false, \"ts\": \"2026-11-28T09:00:00Z\", \"seq\": 0}"), DeviceTimeLimits.DEFAULTS);
    var error = assertThrows(InvalidInput.class, () -> OccupancyReading.extract(message));
    assertEquals("field seq must be between 1 and " + Long.MAX_VALUE, error.getMessage());
  }

  @Test
  void aNegativeSeqIsRefused() {
    var message = new city.platform.DeviceMessage("parking/spaces/S1/occupancy", "S1", ARRIVAL,
        Json.parse("{\"occupied\": false, \"ts\": \"2026-11-28T09:00:00Z\", \"seq\": -1}"), DeviceTimeLimits.DEFAULTS);
    assertThrows(InvalidInput.class, () -> OccupancyReading.extract(message));
  }
}
