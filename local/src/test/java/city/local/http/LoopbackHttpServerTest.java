package city.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.local.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Promise;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server under the twin's HTTP endpoints, with a handler that reads the body and answers its length. */
class LoopbackHttpServerTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  /** The fewest threads the limits allow: slow clients must need none of them. */
  private static final HttpLimits FEW_THREADS_SHORT_IDLE = new HttpLimits(1024 * 1024, 10_240, Duration.ofMillis(500), 4);

  private LoopbackHttpServer server;

  @BeforeEach
  void start() {
    server = new LoopbackHttpServer(0, FEW_THREADS_SHORT_IDLE, "test-http", (request, response, callback) -> {
      Content.Source.asByteBuffer(request, Promise.from(
          body -> Responses.json(request, response, callback, 200, "{\"bytes\":" + body.remaining() + "}"),
          callback::failed));
      return true;
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void manyMoreSlowClientsThanThreadsLeaveTheServerAnswering() throws Exception {
    List<RawHttp> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        slow.add(RawHttp.connect(server.port(), DEADLINE).send("POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 50\r\n\r\n{"));
      }
      HttpResponse<String> answer = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/y")).timeout(DEADLINE)
              .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode());
      assertEquals("{\"bytes\":2}", answer.body());
    } finally {
      slow.forEach(RawHttp::close);
    }
  }

  @Test
  void aClientThatStopsMidRequestIsDisconnectedAfterTheIdleTimeout() {
    try (RawHttp headers = RawHttp.connect(server.port(), DEADLINE);
        RawHttp body = RawHttp.connect(server.port(), DEADLINE)) {
      headers.send("GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Partial: a");
      body.send("POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\n12");
      assertTrue(headers.closedByServer(), "a request whose headers never end is cut off");
      assertTrue(body.closedByServer(), "a request whose body never ends is cut off");
    }
  }
}
