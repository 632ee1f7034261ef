package city.bikeshare.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.bikeshare.core.BikeshareLayout;
import city.bikeshare.core.closure.StationClosure;
import city.bikeshare.core.plan.PlanIds;
import city.bikeshare.core.service.PlanService;
import city.bikeshare.core.store.MemoryPlanStore;
import city.bikeshare.core.store.MemoryStationClosures;
import city.bikeshare.core.store.MemoryStationStore;
import city.bikeshare.core.store.MemoryTruckStore;
import city.platform.InvalidInput;
import city.platform.Json;
import city.platform.TestCity;
import city.testing.MutableClock;
import city.testing.RecordingPublisher;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The handler on the events/ samples, as EventBridge delivers them: a fire at B1 closes it, its end reopens it. */
class StationIncidentHandlerTest {
  private final MemoryStationClosures closures = new MemoryStationClosures();
  private final StationIncidentHandler handler = new StationIncidentHandler(TestCity.sample(), closures,
      new PlanService(BikeshareLayout.of(TestCity.sample()), new MemoryStationStore(), new MemoryTruckStore(),
          new MemoryPlanStore(), closures, new RecordingPublisher(),
          new MutableClock(Instant.parse("2026-11-28T01:00:00Z")), new PlanIds(() -> "000001")));

  private static Map<String, Object> event(String name) throws IOException {
    return Json.MAPPER.readValue(Files.readString(Path.of("..", "events", "BikeshareIncidents-" + name + ".json")),
        new TypeReference<Map<String, Object>>() {});
  }

  @Test
  void theOpenedSampleClosesB1AndTheClosedSampleReopensIt() throws IOException {
    Map<String, Object> closed = handler.handleRequest(event("opened"), null);
    assertEquals(Map.of("incidentId", "A-F2-20261128T010000000Z", "closed", 1), closed, "no plan yet: none superseded");
    assertEquals(List.of("B1"), closures.active().stream().map(StationClosure::stationId).toList());
    assertEquals(Instant.parse("2026-11-28T01:00:00Z"), closures.active().get(0).since(), "since the event's time");
    assertEquals(Map.of("incidentId", "A-F2-20261128T010000000Z", "reopened", 1), handler.handleRequest(event("closed"), null));
    assertTrue(closures.active().isEmpty());
  }

  @Test
  void anEventThatIsNotAnIncidentFailsWithTheReason() throws IOException {
    Map<String, Object> other = event("opened");
    other.put("detail-type", "Incident Escalated");
    InvalidInput refused = assertThrows(InvalidInput.class, () -> handler.handleRequest(other, null));
    assertTrue(refused.getMessage().contains("not an incident event"), refused.getMessage());
  }
}
