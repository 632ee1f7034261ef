package city.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Access;
import city.catalog.Catalog;
import city.catalog.HttpRoute;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every route has its own token bucket on the stage, so open data cannot spend what payments and the desk need. */
class RouteThrottleTest {
  private static SynthesizedCity city;
  private static JsonNode stage;

  @BeforeAll
  static void synthesize() {
    city = SynthesizedCity.get();
    List<JsonNode> stages = List.copyOf(city.resourcesOfType("AWS::ApiGatewayV2::Stage").values());
    assertEquals(1, stages.size());
    stage = stages.get(0);
  }

  @Test
  void everyCatalogRouteHasTheThrottleItsDeclarationGives() {
    JsonNode settings = stage.path("Properties").path("RouteSettings");
    Set<String> keys = new TreeSet<>();
    settings.fieldNames().forEachRemaining(keys::add);
    assertEquals(new TreeSet<>(Catalog.standard().routes().stream().map(HttpRoute::routeKey).toList()), keys);
    for (HttpRoute route : Catalog.standard().routes()) {
      JsonNode own = settings.path(route.routeKey());
      assertEquals(route.throttle().ratePerSecond(), own.path("ThrottlingRateLimit").asDouble(), route.routeKey());
      assertEquals(route.throttle().burst(), own.path("ThrottlingBurstLimit").asInt(), route.routeKey());
    }
    JsonNode defaults = stage.path("Properties").path("DefaultRouteSettings");
    assertEquals(CityHttpApi.DEFAULT_THROTTLE.ratePerSecond(), defaults.path("ThrottlingRateLimit").asDouble());
  }

  @Test
  void theStageIsCreatedAfterTheRoutesItNames() {
    Set<String> dependsOn = new HashSet<>();
    SynthesizedCity.list(stage.path("DependsOn")).forEach(d -> dependsOn.add(d.asText()));
    Set<String> routes = city.resourcesOfType("AWS::ApiGatewayV2::Route").keySet();
    assertTrue(dependsOn.containsAll(routes), "route settings for a route key that does not exist yet fail the deploy: "
        + "the stage must depend on every route; missing " + routes.stream().filter(r -> !dependsOn.contains(r)).toList());
  }

  @Test
  void anonymousCallersGetLessThanPaymentsAndTheDispatchDeskAndReportsTheLeast() {
    HttpRoute payment = route("POST /parking/sessions/{sessionId}/payments");
    HttpRoute desk = route("GET /ops/incidents");
    HttpRoute report = route("POST /open311/v2/requests.json");
    for (HttpRoute open : Catalog.standard().routes().stream().filter(r -> r.access() == Access.PUBLIC).toList()) {
      assertTrue(open.throttle().ratePerSecond() < payment.throttle().ratePerSecond(), open.routeKey());
      assertTrue(open.throttle().ratePerSecond() < desk.throttle().ratePerSecond(), open.routeKey());
      assertTrue(report.throttle().ratePerSecond() <= open.throttle().ratePerSecond(), open.routeKey());
    }
    assertTrue(report.throttle().burst() < route("GET /gbfs/station_status.json").throttle().burst());
  }

  private static HttpRoute route(String routeKey) {
    return Catalog.standard().routes().stream().filter(r -> r.routeKey().equals(routeKey)).findFirst().orElseThrow();
  }
}
