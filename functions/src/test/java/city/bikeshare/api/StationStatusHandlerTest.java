package city.bikeshare.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.testing.RecordingEventPublisher;
import city.bikeshare.core.StationState;
import city.bikeshare.core.store.MemoryStationStore;
import city.platform.MemoryDeadLetters;
import city.platform.RuleEvent;
import city.platform.TestCity;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class StationStatusHandlerTest {
  private final MemoryStationStore stations = new MemoryStationStore();
  private final MemoryDeadLetters deadLetters = new MemoryDeadLetters();
  private final StationStatusHandler handler = new StationStatusHandler(TestCity.sample(), stations, deadLetters, new RecordingEventPublisher());

  private static Map<String, Object> event(String stationId, String payload) {
    return Map.of(
        RuleEvent.PAYLOAD, Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)),
        RuleEvent.TOPIC, "bikeshare/stations/" + stationId + "/status",
        RuleEvent.DEVICE_ID, stationId,
        RuleEvent.RECEIVED_AT, 1795914000123L);
  }

  @ParameterizedTest
  @Event(value = "../events/BikeshareStationStatus.json", type = Map.class)
  void theSampleEventBecomesTheLatestStatus(Map<String, Object> event) {
    handler.handleRequest(event, null);
    StationState state = stations.states.get("B1");
    assertEquals(7, state.bikes());
    assertEquals(5, state.docks());
    assertTrue(deadLetters.letters.isEmpty());
  }

  @Test
  void newerReportsMoveTheStateAndBookTheirChangeOlderOnesAreIgnored() {
    handler.handleRequest(event("B1", "{\"bikes\": 7, \"docks\": 5, \"ts\": \"2026-11-28T09:00:00+08:00\"}"), null);
    handler.handleRequest(event("B1", "{\"bikes\": 4, \"docks\": 8, \"ts\": \"2026-11-28T09:05:00+08:00\"}"), null);
    handler.handleRequest(event("B1", "{\"bikes\": 9, \"docks\": 3, \"ts\": \"2026-11-28T09:03:00+08:00\"}"), null);
    handler.handleRequest(event("B1", "{\"bikes\": 4, \"docks\": 8, \"ts\": \"2026-11-28T09:05:00+08:00\"}"), null);
    assertEquals(4, stations.states.get("B1").bikes());
    assertEquals(1, stations.samples.size(), "the first report has nothing to compare with; stale and duplicate add nothing");
    assertEquals(-3, stations.samples.get(0).netChange());
  }

  @Test
  void countsTheStationCannotHoldAreDeadLettered() {
    handler.handleRequest(event("B6", "{\"bikes\": 10, \"docks\": 5, \"ts\": \"2026-11-28T09:00:00+08:00\"}"), null);
    handler.handleRequest(event("B6", "{\"bikes\": -1, \"docks\": 5, \"ts\": \"2026-11-28T09:00:00+08:00\"}"), null);
    handler.handleRequest(event("B6", "{\"bikes\": 1, \"docks\": 5}"), null);
    assertEquals(3, deadLetters.letters.size());
    assertEquals("bikes + docks = 15 exceeds the station's capacity 12", deadLetters.letters.get(0).reason());
    assertEquals("field bikes must be between 0 and 12", deadLetters.letters.get(1).reason());
    assertEquals("field ts must be a non-empty string", deadLetters.letters.get(2).reason());
    assertTrue(stations.states.isEmpty());
  }
}
