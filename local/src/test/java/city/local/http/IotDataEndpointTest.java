package city.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The IoT data plane's Publish over real HTTP, with what it refuses. */
class IotDataEndpointTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final List<String> published = new CopyOnWriteArrayList<>();
  private IotDataEndpoint endpoint;

  @BeforeEach
  void start() {
    endpoint = IotDataEndpoint.start(0, (topic, payload, qos, retain) ->
        published.add(topic + " " + new String(payload, StandardCharsets.UTF_8) + " qos" + qos + (retain ? " retained" : "")));
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  private HttpResponse<String> send(String method, String pathAndQuery, byte[] body, String origin)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + pathAndQuery))
        .timeout(Duration.ofSeconds(15))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aPublishReachesThePublisherWithItsDecodedTopic() throws Exception {
    HttpResponse<String> response = send("POST", "/topics/units%2FU1%2Fdispatch?qos=1&retain=true", "{\"go\":1}".getBytes(StandardCharsets.UTF_8), null);
    assertEquals(200, response.statusCode());
    assertEquals("{}", response.body());
    assertEquals(List.of("units/U1/dispatch {\"go\":1} qos1 retained"), published);
  }

  @Test
  void whatIsNoPublishIsRefusedWithTheReason() throws Exception {
    assertEquals(404, send("POST", "/other", new byte[1], null).statusCode());
    assertEquals(405, send("GET", "/topics/a", null, null).statusCode());
    assertEquals(400, send("POST", "/topics/a%2F%23", new byte[1], null).statusCode());
    assertEquals(400, send("POST", "/topics/a?qos=2", new byte[1], null).statusCode());
    HttpResponse<String> tooLarge = send("POST", "/topics/a", new byte[128 * 1024 + 1], null);
    assertEquals(413, tooLarge.statusCode());
    assertTrue(tooLarge.body().contains("too large"), tooLarge.body());
    assertEquals(List.of(), published);
  }

  @Test
  void aWebPageCannotPublish() throws Exception {
    HttpResponse<String> response = send("POST", "/topics/units%2FU1%2Fdispatch", "{}".getBytes(StandardCharsets.UTF_8),
        "http://127.0.0.1:" + endpoint.port());
    assertEquals(403, response.statusCode());
    assertEquals(List.of(), published);
  }
}
