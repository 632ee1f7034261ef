package city.local.events;

import city.platform.InvalidInput;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EventBridge's PutEvents as the SDK's {@code EventBridgeClient} calls it with an endpoint override (AWS JSON 1.1:
 * {@code POST /}, {@code X-Amz-Target: AWSEvents.PutEvents}, {@code Entries} with {@code Source}, {@code DetailType},
 * {@code Detail} as text, {@code Time} in epoch seconds, {@code EventBusName}); answers {@code FailedEntryCount} and
 * an {@code EventId} or {@code ErrorCode}/{@code ErrorMessage} per entry, as EventBridge does. Loopback only.
 */
public final class PutEventsEndpoint implements AutoCloseable {
  static final String TARGET = "AWSEvents.PutEvents";
  static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  /** EventBridge's limits: 10 entries a call, 256 KB a call. */
  static final int MAX_ENTRIES = 10;
  static final int MAX_REQUEST_BYTES = 256 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(PutEventsEndpoint.class);

  private final TwinEventBus bus;
  private final HttpServer server;
  private final ExecutorService executor;

  private PutEventsEndpoint(int port, TwinEventBus bus) {
    this.bus = bus;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + " for the event bus", e);
    }
    AtomicInteger count = new AtomicInteger();
    executor = Executors.newFixedThreadPool(4, runnable -> {
      Thread thread = new Thread(runnable, "event-bus-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /** @param port the port, or 0 for a free one */
  public static PutEventsEndpoint start(int port, TwinEventBus bus) {
    PutEventsEndpoint endpoint = new PutEventsEndpoint(port, bus);
    endpoint.server.start();
    return endpoint;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if (!exchange.getRequestMethod().equals("POST") || !TARGET.equals(target)) {
        error(exchange, "UnknownOperationException", "only POST / with X-Amz-Target " + TARGET + " is served here");
        return;
      }
      byte[] body = exchange.getRequestBody().readNBytes(MAX_REQUEST_BYTES + 1);
      if (body.length > MAX_REQUEST_BYTES) {
        error(exchange, "ValidationException", "the request is larger than 256 KB");
        return;
      }
      JsonNode request = Json.parse(body);
      JsonNode entries = request.path("Entries");
      if (!entries.isArray() || entries.isEmpty() || entries.size() > MAX_ENTRIES) {
        error(exchange, "ValidationException", "Entries must hold 1 to " + MAX_ENTRIES + " entries");
        return;
      }
      ObjectNode response = Json.MAPPER.createObjectNode();
      ArrayNode results = response.putArray("Entries");
      int failed = 0;
      for (JsonNode entry : entries) {
        ObjectNode result = results.addObject();
        String problem = problem(entry);
        if (problem != null) {
          failed++;
          result.put("ErrorCode", "InvalidArgument").put("ErrorMessage", problem);
          continue;
        }
        ObjectNode detail = (ObjectNode) Json.parse(entry.path("Detail").asText());
        ArrayNode resources = entry.path("Resources").isArray() ? (ArrayNode) entry.path("Resources")
            : Json.MAPPER.createArrayNode();
        result.put("EventId", bus.put(entry.path("Source").asText(), entry.path("DetailType").asText(), time(entry),
            detail, resources));
      }
      response.put("FailedEntryCount", failed);
      send(exchange, 200, Json.write(response));
    } catch (IllegalArgumentException | InvalidInput e) {
      error(exchange, "ValidationException", e.getMessage());
    } catch (IOException | RuntimeException e) {
      LOG.warn("PutEvents failed: {}", e.toString());
      send(exchange, 500, "{\"__type\":\"InternalException\",\"message\":\"" + e.getClass().getSimpleName() + "\"}");
    }
  }

  /** What EventBridge would refuse in this entry, or null. */
  private String problem(JsonNode entry) {
    String bus = entry.path("EventBusName").asText("default");
    if (!bus.equals(this.bus.name()) && !bus.endsWith(":event-bus/" + this.bus.name())) {
      return "no event bus " + bus + " here: the twin's bus is " + this.bus.name();
    }
    for (String field : new String[] {"Source", "DetailType", "Detail"}) {
      if (!entry.path(field).isTextual() || entry.path(field).asText().isBlank()) {
        return field + " is required";
      }
    }
    try {
      if (!Json.parse(entry.path("Detail").asText()).isObject()) {
        return "Detail must be a JSON object";
      }
    } catch (RuntimeException e) {
      return "Detail is malformed: " + e.getMessage();
    }
    JsonNode time = entry.path("Time");
    if (!time.isMissingNode() && !time.isNull() && !time.isNumber() && !time.isTextual()) {
      return "Time must be a timestamp";
    }
    return null;
  }

  /** JSON 1.1 sends timestamps as epoch seconds (with a fraction); no Time means now, as in EventBridge. */
  private static Instant time(JsonNode entry) {
    JsonNode time = entry.path("Time");
    if (time.isNumber()) {
      BigDecimal seconds = time.decimalValue();
      return Instant.ofEpochSecond(seconds.longValue(),
          seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
    if (time.isTextual()) {
      try {
        return Instant.parse(time.asText());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("Time is not a timestamp: " + time.asText());
      }
    }
    return Instant.now();
  }

  private static void error(HttpExchange exchange, String type, String message) throws IOException {
    ObjectNode body = Json.MAPPER.createObjectNode().put("__type", type).put("message", message);
    send(exchange, 400, Json.write(body));
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
