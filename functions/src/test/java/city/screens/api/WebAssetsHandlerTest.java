package city.screens.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.City;
import city.platform.Json;
import city.platform.SiteFiles;
import city.platform.TestCity;
import city.screens.core.WebConfig;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The function on its HTTP API events (the events/ samples), serving the checkout's own web/ and node_modules/
 * folders as the layer holds them: a page, a redirect, a library revalidated, an image as bytes, the config.
 */
class WebAssetsHandlerTest {
  static final Path CHECKOUT = Path.of("..");
  private final City city = City.load(TestCity.SAMPLE);
  private final WebAssetsHandler handler = new WebAssetsHandler(
      () -> new SiteFiles(CHECKOUT, Map.of(WebConfig.PATH, WebConfig.of(city, Optional.empty()))));

  private APIGatewayV2HTTPResponse call(String sample, String method, String rawPath, String ifNoneMatch) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("../events/" + sample);
    event.setRouteKey(method + event.getRouteKey().substring(event.getRouteKey().indexOf(' ')));
    event.setRawPath(rawPath);
    Map<String, String> headers = new LinkedHashMap<>(event.getHeaders());
    headers.remove("if-none-match");
    if (ifNoneMatch != null) {
      headers.put("if-none-match", ifNoneMatch);
    }
    event.setHeaders(headers);
    return handler.handleRequest(event, null);
  }

  private static byte[] body(APIGatewayV2HTTPResponse response) {
    assertTrue(response.getIsBase64Encoded());
    return Base64.getDecoder().decode(response.getBody());
  }

  @Test
  void theConsoleRouteServesThePageWithItsSlashAndRedirectsWithout() throws Exception {
    APIGatewayV2HTTPResponse page = call("WebAssets.json", "GET", "/console/", null);
    assertEquals(200, page.getStatusCode());
    assertEquals("text/html; charset=utf-8", page.getHeaders().get("Content-Type"));
    assertEquals("no-cache", page.getHeaders().get("Cache-Control"));
    assertArrayEquals(Files.readAllBytes(CHECKOUT.resolve("web/console/index.html")), body(page));

    APIGatewayV2HTTPResponse bare = call("WebAssets.json", "GET", "/console", null);
    assertEquals(301, bare.getStatusCode());
    assertEquals("/console/", bare.getHeaders().get("Location"));
  }

  @Test
  void aLibraryIsKeptAWeekAndRevalidatesWithA304() {
    APIGatewayV2HTTPResponse first = call("WebAssets-revalidate.json", "GET", "/web/vendor/leaflet/leaflet.js", null);
    assertEquals(200, first.getStatusCode());
    assertEquals("public, max-age=604800", first.getHeaders().get("Cache-Control"));
    APIGatewayV2HTTPResponse again = call("WebAssets-revalidate.json", "GET", "/web/vendor/leaflet/leaflet.js",
        first.getHeaders().get("ETag"));
    assertEquals(304, again.getStatusCode());
    assertEquals(0, body(again).length);
  }

  @Test
  void anImageArrivesByteForByteAndHeadSendsNoBody() throws Exception {
    APIGatewayV2HTTPResponse image = call("WebAssets-revalidate.json", "GET", "/web/vendor/leaflet/images/layers.png", null);
    assertEquals("image/png", image.getHeaders().get("Content-Type"));
    assertArrayEquals(Files.readAllBytes(CHECKOUT.resolve("node_modules/leaflet/dist/images/layers.png")), body(image));
    APIGatewayV2HTTPResponse head = call("WebAssets-revalidate.json", "HEAD", "/web/vendor/leaflet/images/layers.png", null);
    assertEquals(200, head.getStatusCode());
    assertEquals(image.getHeaders().get("ETag"), head.getHeaders().get("ETag"));
    assertEquals(0, body(head).length);
  }

  @Test
  void theConfigIsTheCityFilesAndAPathOutsideTheFoldersIsNotFound() {
    APIGatewayV2HTTPResponse config = call("WebAssets-config.json", "GET", "/web/config.json", null);
    JsonNode json = Json.parse(new String(body(config), java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(city.id(), json.path("cityId").asText());
    assertFalse(json.has("oidc"), "no provider configured: the pages take a pasted token");
    assertEquals(404, call("WebAssets-config.json", "GET", "/web/vendor/leaflet/../../../pom.xml", null).getStatusCode());
  }
}
