package city.bikeshare.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import city.bikeshare.core.BikeshareLayout;
import city.bikeshare.core.StationStatus;
import city.bikeshare.core.plan.PlanIds;
import city.bikeshare.core.service.PlanService;
import city.bikeshare.core.store.MemoryPlanStore;
import city.bikeshare.core.store.MemoryStationClosures;
import city.bikeshare.core.store.MemoryStationStore;
import city.bikeshare.core.store.MemoryTruckStore;
import city.platform.Json;
import city.platform.TestCity;
import city.testing.MutableClock;
import city.testing.RecordingPublisher;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class PlanApiHandlerTest {
  private final MemoryStationStore stations = new MemoryStationStore();
  private final RecordingPublisher publisher = new RecordingPublisher();
  private final PlanApiHandler handler = new PlanApiHandler(new PlanService(BikeshareLayout.of(TestCity.sample()),
      stations, new MemoryTruckStore(), new MemoryPlanStore(), new MemoryStationClosures(), publisher,
      new MutableClock(Instant.parse("2026-11-28T01:00:00Z")), new PlanIds(() -> "000001")));

  private static APIGatewayV2HTTPEvent event(String name) {
    return EventLoader.loadApiGatewayHttpEvent("../events/BikeshareOps-" + name + ".json");
  }

  @Test
  void aPlanMadeOnRequestIsTheLatestWithItsSummary() {
    assertEquals(404, handler.handleRequest(event("latest"), null).getStatusCode());
    stations.apply(new StationStatus("B1", 16, 0, OffsetDateTime.parse("2026-11-28T08:59:00+08:00")));
    stations.apply(new StationStatus("B2", 0, 16, OffsetDateTime.parse("2026-11-28T08:59:00+08:00")));

    APIGatewayV2HTTPResponse created = handler.handleRequest(event("plan"), null);
    assertEquals(201, created.getStatusCode(), created.getBody());
    JsonNode plan = Json.parse(created.getBody());
    assertEquals("P20261128T010000000Z-000001", plan.path("planId").asText());
    assertEquals("2026-11-28T09:00:00+08:00", plan.path("createdAt").asText());
    assertEquals("ops:ops-1", plan.path("trigger").asText());
    assertEquals(8, plan.path("summary").path("bikesMoved").asInt());
    JsonNode stops = plan.path("routes").get(0).path("stops");
    assertEquals(2, stops.size());
    for (JsonNode stop : stops) {
      String expected = stop.path("stationId").asText().equals("B1") ? "{\"pickup\":8}" : "{\"drop\":8}";
      String quantity = stop.has("pickup") ? "{\"pickup\":" + stop.path("pickup") + "}" : "{\"drop\":" + stop.path("drop") + "}";
      assertEquals(expected, quantity, stop.toString());
    }

    APIGatewayV2HTTPResponse latest = handler.handleRequest(event("latest"), null);
    assertEquals(200, latest.getStatusCode());
    JsonNode body = Json.parse(latest.getBody());
    assertEquals(plan.path("planId"), body.path("planId"));
    assertEquals(plan.path("routes"), body.path("routes"));
    assertEquals("active", body.path("status").asText());
    assertEquals(0, body.path("progress").path("completedStops").asInt());
    assertEquals(2, body.path("progress").path("totalStops").asInt());
    assertEquals(plan.path("planId"), publisher.sent.get(0).message().path("planId"));
  }
}
