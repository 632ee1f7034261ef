package city.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Access;
import city.catalog.Catalog;
import city.catalog.HttpRoute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
  private final RouteTable table = new RouteTable(List.of(
      new HttpRoute("GET", "/parking/zones", "A", Access.PUBLIC),
      new HttpRoute("GET", "/parking/zones/{zone}/availability", "B", Access.PUBLIC),
      new HttpRoute("GET", "/parking/zones/{zone}", "C", Access.PUBLIC),
      new HttpRoute("GET", "/parking/zones/special", "D", Access.PUBLIC),
      new HttpRoute("ANY", "/files/{path+}", "E", Access.PUBLIC),
      new HttpRoute("GET", "/files/{path+}", "F", Access.PUBLIC)));

  private String function(String method, String path) {
    return table.match(method, path).map(m -> m.route().functionId()).orElse("none");
  }

  @Test
  void picksTheMostSpecificRoute() {
    assertEquals("A", function("GET", "/parking/zones"));
    assertEquals("B", function("GET", "/parking/zones/Z1/availability"));
    assertEquals("C", function("GET", "/parking/zones/Z1"));
    assertEquals("D", function("GET", "/parking/zones/special"));
    assertEquals("F", function("GET", "/files/a/b"), "an exact method beats ANY");
    assertEquals("E", function("DELETE", "/files/a/b"));
    assertEquals("A", function("GET", "/parking/zones/"), "a trailing slash selects the route without it");
  }

  @Test
  void refusesWhatNoRouteDeclares() {
    assertEquals("none", function("POST", "/parking/zones"));
    assertEquals("none", function("GET", "/parking/zones/Z1/availability/extra"));
    assertEquals("none", function("GET", "/parking"));
    assertEquals("none", function("GET", "/parking/zones//availability"));
    assertEquals("none", function("GET", "/files"));
    assertEquals("none", function("GET", "/files/"), "a greedy variable takes one segment at least");
  }

  @Test
  void decodesParametersAfterSplitting() {
    Map<String, String> parameters = table.match("GET", "/parking/zones/%E4%BA%AC%2FA+1").orElseThrow().pathParameters();
    assertEquals(Map.of("zone", "京/A+1"), parameters);
    assertEquals(Map.of("path", "a/b/c.txt"), table.match("GET", "/files/a/b/c.txt").orElseThrow().pathParameters());
  }

  @Test
  void everyCatalogRouteMatchesItsOwnTemplate() {
    RouteTable catalog = new RouteTable(Catalog.standard().routes());
    for (HttpRoute route : Catalog.standard().routes()) {
      String path = route.path().replaceAll("\\{[^}]+\\}", "X1");
      HttpRoute matched = catalog.match(route.method(), path).orElseThrow().route();
      assertEquals(route.routeKey(), matched.routeKey());
      assertTrue(matched.path().equals(route.path()));
    }
  }
}
