package city.bikeshare.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.bikeshare.core.StationStatus;
import city.bikeshare.core.gbfs.GbfsFile;
import city.bikeshare.core.gbfs.GbfsSchemaValidator;
import city.bikeshare.core.store.MemoryDockSilences;
import city.bikeshare.core.store.MemoryStationClosures;
import city.bikeshare.core.store.MemoryStationStore;
import city.platform.Json;
import city.platform.TestCity;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The handler on the events/ samples: every file served, valid, cacheable for its ttl, with absolute URLs. */
class GbfsApiHandlerTest {
  private final MemoryStationStore stations = new MemoryStationStore();
  private final MemoryStationClosures closures = new MemoryStationClosures();
  private final GbfsApiHandler handler = new GbfsApiHandler(TestCity.sample(), stations, closures,
      new MemoryDockSilences(),
      Clock.fixed(Instant.parse("2026-11-28T01:00:00Z"), ZoneOffset.UTC), Optional.empty());

  private static final Map<GbfsFile, String> EVENTS = Map.of(
      GbfsFile.GBFS, "discovery",
      GbfsFile.GBFS_VERSIONS, "versions",
      GbfsFile.SYSTEM_INFORMATION, "system-information",
      GbfsFile.VEHICLE_TYPES, "vehicle-types",
      GbfsFile.STATION_INFORMATION, "station-information",
      GbfsFile.STATION_STATUS, "station-status",
      GbfsFile.SYSTEM_PRICING_PLANS, "pricing-plans",
      GbfsFile.SYSTEM_ALERTS, "system-alerts");

  private static APIGatewayV2HTTPEvent event(GbfsFile file) {
    return EventLoader.loadApiGatewayHttpEvent("../events/BikeshareGbfs-" + EVENTS.get(file) + ".json");
  }

  @Test
  void servesEveryFileValidAndCacheableForItsTtl() {
    stations.apply(new StationStatus("B1", 7, 5, OffsetDateTime.parse("2026-11-28T08:59:00+08:00")));
    for (GbfsFile file : GbfsFile.values()) {
      APIGatewayV2HTTPResponse response = handler.handleRequest(event(file), null);
      assertEquals(200, response.getStatusCode(), file.feedName() + ": " + response.getBody());
      assertEquals("public, max-age=" + file.ttlSeconds(), response.getHeaders().get("Cache-Control"));
      assertTrue(response.getHeaders().get("Content-Type").startsWith("application/json"));
      JsonNode body = Json.parse(response.getBody());
      assertEquals(List.of(), GbfsSchemaValidator.validate(file.feedName(), body), file.feedName());
    }
    JsonNode status = Json.parse(handler.handleRequest(event(GbfsFile.STATION_STATUS), null).getBody());
    assertEquals(7, status.path("data").path("stations").get(0).path("num_vehicles_available").asInt());
    assertEquals(5, status.path("data").path("stations").get(0).path("num_docks_available").asInt());
  }

  @Test
  void discoveryUrlsAreThoseTheCallerUsed() {
    JsonNode cloud = Json.parse(handler.handleRequest(event(GbfsFile.GBFS), null).getBody());
    assertEquals("https://api.example.org/gbfs/station_status.json", url(cloud, "station_status"));

    APIGatewayV2HTTPEvent local = event(GbfsFile.GBFS);
    Map<String, String> headers = new HashMap<>(local.getHeaders());
    headers.remove("x-forwarded-proto");
    headers.put("host", "127.0.0.1:18080");
    local.setHeaders(headers);
    JsonNode twin = Json.parse(handler.handleRequest(local, null).getBody());
    assertEquals("http://127.0.0.1:18080/gbfs/station_status.json", url(twin, "station_status"));
  }

  private static String url(JsonNode discovery, String name) {
    for (JsonNode feed : discovery.path("data").path("feeds")) {
      if (feed.path("name").asText().equals(name)) {
        return feed.path("url").asText();
      }
    }
    throw new AssertionError("no feed " + name);
  }
}
