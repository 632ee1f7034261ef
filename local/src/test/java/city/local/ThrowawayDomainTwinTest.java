package city.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.airquality.AirQualityCity;
import city.airquality.AirQualityModule;
import city.airquality.ReadingRecorder;
import city.catalog.Catalog;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A throwaway domain added to the catalog is routed by the twin like any other: its rule, its route. */
class ThrowawayDomainTwinTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir
  static Path folder;
  private static Twin twin;

  @BeforeAll
  static void start() throws Exception {
    twin = Twin.start(TwinOptions.inMemory()
        .withCityFile(AirQualityCity.write(TwinOptions.sampleCity(RepoRoot.find()), folder))
        .withCatalog(Catalog.standard().plus(new AirQualityModule())));
  }

  @AfterAll
  static void stop() {
    if (twin != null) {
      twin.close();
    }
  }

  @Test
  void aReadingOnTheNewDevicesTopicReachesTheNewFunctionThroughItsRule() {
    TwinClient.publish(twin, "airquality/sensors/" + AirQualityCity.SENSOR + "/readings", "{\"pm25\": 12}");
    Map<String, Object> event = Eventually.await("the reading routed to " + AirQualityModule.FUNCTION, WAIT,
        () -> ReadingRecorder.events().stream().filter(e -> AirQualityCity.SENSOR.equals(e.get("deviceId"))).findFirst()
            .orElse(null), found -> found != null);
    assertEquals("airquality/sensors/" + AirQualityCity.SENSOR + "/readings", event.get("topic"));
    assertTrue(event.containsKey("payload") && event.containsKey("receivedAt"), "the rule's columns: " + event.keySet());
  }

  @Test
  void theNewOpsRouteIsServedBehindTheJwtAuthorizerLikeEveryOpsRoute() {
    assertEquals(401, TwinClient.get(twin, "/ops/airquality/readings", null).statusCode());
    HttpResponse<String> ops = TwinClient.get(twin, "/ops/airquality/readings", twin.token("ops-1", "ops", List.of()));
    assertEquals(200, ops.statusCode(), ops.body());
  }
}
