package city.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The twin's HTTP API under what API Gateway protects it from: slow clients, bodies and headers over the
 * limits, unauthenticated uploads, and web pages of other origins. Real sockets against a real twin.
 */
class TwinHttpServerTest {
  /** Far longer than a loaded machine needs to answer, far shorter than a 300 MB upload or a stuck server. */
  private static final Duration ANSWER_DEADLINE = Duration.ofSeconds(15);
  private static final String LISTED_ORIGIN = "http://localhost:5173";
  private static final String FOREIGN_ORIGIN = "http://attacker.example";

  @TempDir
  static Path folder;
  private static Twin twin;

  @BeforeAll
  static void start() throws IOException {
    ObjectNode city = (ObjectNode) Json.MAPPER.readTree(TwinOptions.sampleCity(RepoRoot.find()).toFile());
    city.putObject("twin").putArray("corsOrigins").add(LISTED_ORIGIN);
    Path cityFile = folder.resolve("city.json");
    Json.MAPPER.writeValue(cityFile.toFile(), city);
    twin = Twin.start(TwinOptions.inMemory().withCityFile(cityFile).withCatalog(Catalog.standard().plus(new TestDomain())));
  }

  @AfterAll
  static void stop() {
    if (twin != null) {
      twin.close();
    }
  }

  private static RawHttp connect() {
    return RawHttp.connect(twin.httpPort(), ANSWER_DEADLINE);
  }

  @Test
  void slowClientsDoNotHoldUpOtherRequests() {
    List<RawHttp> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        // headers that never end, and a body that never ends: each held a server thread with the JDK server
        slow.add(connect().send("GET /test/echo/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaa"));
        slow.add(connect().send("POST /test/echo/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 1000\r\n\r\n{\"a\":"));
      }
      HttpResponse<String> answer = TwinClient.get(twin, "/test/echo/2", null);
      assertEquals(201, answer.statusCode());
    } finally {
      slow.forEach(RawHttp::close);
    }
  }

  @Test
  void aBodyOverTenMegabytesIsRefusedBeforeItIsRead() {
    try (RawHttp client = connect()) {
      client.send("POST /test/echo/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
          + "Content-Length: 300000000\r\n\r\n");
      // a few MB of the announced 300: a server that buffers the body before answering never answers
      client.sendInBackground(4_000_000, false);
      RawHttp.Answer answer = client.answer();
      assertEquals(413, answer.status(), answer.head());
      assertTrue(Json.parse(answer.body()).path("message").asText().contains("too large"), answer.body());
    }
  }

  @Test
  void aChunkedBodyIsCutOffAtTenMegabytes() {
    try (RawHttp client = connect()) {
      client.send("POST /test/echo/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n");
      client.sendInBackground(12 * 1024 * 1024, true);
      RawHttp.Answer answer = client.answer();
      assertEquals(413, answer.status(), answer.head());
    }
  }

  @Test
  void anUnauthenticatedUploadIsRefusedBeforeItsBodyIsRead() {
    try (RawHttp client = connect()) {
      client.send("POST /test/mine HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
          + "Content-Length: 9000000\r\n\r\n");
      client.sendInBackground(1_000_000, false);
      RawHttp.Answer answer = client.answer();
      assertEquals(401, answer.status(), answer.head());
      assertEquals("Unauthorized", Json.parse(answer.body()).path("message").asText());
    }
  }

  @Test
  void aBodyWithinTheLimitArrivesWhole() {
    byte[] body = new byte[3 * 1024 * 1024];
    Arrays.fill(body, (byte) 7);
    HttpResponse<String> response = TwinClient.send(HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + "/test/echo/1"))
        .timeout(ANSWER_DEADLINE)
        .header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    assertEquals(201, response.statusCode());
    JsonNode event = TwinClient.json(response);
    assertTrue(event.path("isBase64Encoded").asBoolean());
    assertArrayEquals(body, Base64.getDecoder().decode(event.path("body").asText()));
  }

  @Test
  void headersOverApiGatewaysLimitAreRefusedWith431() {
    HttpResponse<String> response = TwinClient.send(HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + "/test/echo/1"))
        .timeout(ANSWER_DEADLINE)
        .header("X-Big", "a".repeat(12_000))
        .GET().build());
    assertEquals(431, response.statusCode());
    assertFalse(TwinClient.json(response).path("message").asText().isEmpty(), response.body());
  }

  @Test
  void theTwinsOwnOriginAndListedOriginsGetCorsHeaders() {
    for (String origin : List.of("http://127.0.0.1:" + twin.httpPort(), "http://localhost:" + twin.httpPort(), LISTED_ORIGIN)) {
      HttpResponse<String> response = get("/test/echo/1", origin);
      assertEquals(201, response.statusCode(), origin);
      assertEquals(origin, response.headers().firstValue("access-control-allow-origin").orElse(null), origin);
      assertTrue(response.headers().allValues("vary").stream().anyMatch(v -> v.contains("Origin")), origin);
      HttpResponse<String> preflight = preflight(origin);
      assertEquals(204, preflight.statusCode(), origin);
      assertEquals(origin, preflight.headers().firstValue("access-control-allow-origin").orElse(null), origin);
      assertEquals("authorization", preflight.headers().firstValue("access-control-allow-headers").orElse(null));
    }
  }

  @Test
  void aPageOfAnotherOriginCannotDriveTheTwin() {
    for (String origin : List.of(FOREIGN_ORIGIN, "null", "http://localhost:1")) {
      HttpResponse<String> preflight = preflight(origin);
      assertEquals(403, preflight.statusCode(), origin);
      assertTrue(preflight.headers().firstValue("access-control-allow-origin").isEmpty(), origin);
      assertTrue(preflight.headers().firstValue("access-control-allow-methods").isEmpty(), origin);
      // a form POST needs no preflight: refused as well, not only left unreadable
      HttpResponse<String> post = TwinClient.send(HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + "/test/echo/1"))
          .header("Origin", origin)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("a=1")).build());
      assertEquals(403, post.statusCode(), origin);
      assertTrue(post.headers().firstValue("access-control-allow-origin").isEmpty(), origin);
    }
    assertEquals(201, get("/test/echo/1", null).statusCode(), "a client that is no web page sends no Origin");
  }

  private static HttpResponse<String> get(String path, String origin) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + path)).timeout(ANSWER_DEADLINE).GET();
    if (origin != null) {
      request.header("Origin", origin);
    }
    return TwinClient.send(request.build());
  }

  private static HttpResponse<String> preflight(String origin) {
    return TwinClient.send(HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + "/test/mine"))
        .timeout(ANSWER_DEADLINE)
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization")
        .build());
  }
}
