package city.screens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.local.Twin;
import city.local.TwinOptions;
import city.platform.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages through the twin's HTTP API as a browser gets them: the WebAssets function behind its declared public
 * routes (as in the cloud), serving the checkout's folders; the data routes still ask for a token.
 */
class WebAssetsTwinTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();
  private static Twin twin;

  @BeforeAll
  static void start() {
    twin = Twin.start(TwinOptions.inMemory());
  }

  @AfterAll
  static void stop() {
    if (twin != null) {
      twin.close();
    }
  }

  private static HttpResponse<byte[]> send(String method, String path, String ifNoneMatch) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + twin.httpPort() + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30));
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void theConsoleWithoutItsSlashIsRedirectedAndWithItIsThePageThatRevalidates() throws Exception {
    HttpResponse<byte[]> bare = send("GET", "/console", null);
    assertEquals(301, bare.statusCode());
    assertEquals("/console/", bare.headers().firstValue("Location").orElseThrow());

    HttpResponse<byte[]> page = send("GET", "/console/", null);
    assertEquals(200, page.statusCode());
    assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElseThrow());
    assertArrayEquals(Files.readAllBytes(CHECKOUT.resolve("web/console/index.html")), page.body());

    String etag = page.headers().firstValue("ETag").orElseThrow();
    HttpResponse<byte[]> again = send("GET", "/console/", etag);
    assertEquals(304, again.statusCode());
    assertEquals(0, again.body().length);
  }

  @Test
  void librariesAndImagesArriveAsTheyAreAndHeadHasNoBody() throws Exception {
    HttpResponse<byte[]> image = send("GET", "/web/vendor/leaflet/images/layers.png", null);
    assertEquals(200, image.statusCode());
    assertEquals("image/png", image.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("public, max-age=604800", image.headers().firstValue("Cache-Control").orElseThrow());
    assertArrayEquals(Files.readAllBytes(CHECKOUT.resolve("node_modules/leaflet/dist/images/layers.png")), image.body());

    HttpResponse<byte[]> head = send("HEAD", "/web/vendor/chart.js/chart.umd.min.js", null);
    assertEquals(200, head.statusCode());
    assertTrue(head.headers().firstValue("ETag").isPresent());
    assertEquals(0, head.body().length);
  }

  @Test
  void theConfigIsTheCityAndNothingOutsideTheFoldersIsServed() throws Exception {
    HttpResponse<byte[]> config = send("GET", "/web/config.json", null);
    assertEquals(200, config.statusCode());
    assertEquals("sample-county", Json.parse(new String(config.body(), java.nio.charset.StandardCharsets.UTF_8))
        .path("cityId").asText());
    assertEquals(404, send("GET", "/web/vendor/leaflet/../../../pom.xml", null).statusCode());
    assertEquals(404, send("GET", "/app/missing.js", null).statusCode());
    assertEquals(401, send("GET", "/ops/snapshot", null).statusCode(), "the data routes keep their authorizer");
  }
}
