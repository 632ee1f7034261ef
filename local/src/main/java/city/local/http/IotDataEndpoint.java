package city.local.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IoT data plane's Publish API, as {@code IotDataPlaneClient.publish} calls it with an endpoint
 * override: {@code POST /topics/{url-encoded topic}?qos=0|1[&retain=true]}, the body being the payload;
 * answers 200 {@code {}}. Handlers use it to reach devices through the twin's broker.
 */
public final class IotDataEndpoint implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IotDataEndpoint.class);
  private static final String PREFIX = "/topics/";

  /** Where a publish goes: the broker, and through the rules engine like any message. */
  @FunctionalInterface
  public interface Publisher {
    void publish(String topic, byte[] payload, int qos, boolean retain);
  }

  private final LoopbackHttpServer server;
  private final Publisher publisher;

  private IotDataEndpoint(int port, Publisher publisher) {
    this.publisher = publisher;
    this.server = new LoopbackHttpServer(port, 4, "iot-data", this::handle);
  }

  public static IotDataEndpoint start(int port, Publisher publisher) {
    IotDataEndpoint endpoint = new IotDataEndpoint(port, publisher);
    endpoint.server.start();
    return endpoint;
  }

  public int port() {
    return server.port();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String rawPath = exchange.getRequestURI().getRawPath();
      if (!rawPath.startsWith(PREFIX) || rawPath.length() == PREFIX.length()) {
        Responses.json(exchange, 404, "{\"message\":\"Not Found\"}");
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        Responses.json(exchange, 405, "{\"message\":\"Method Not Allowed\"}");
        return;
      }
      String topic = PercentDecoding.decode(rawPath.substring(PREFIX.length()));
      Map<String, String> query = HttpApiEvents.query(exchange.getRequestURI().getRawQuery());
      int qos = query == null ? 0 : Integer.parseInt(query.getOrDefault("qos", "0"));
      boolean retain = query != null && Boolean.parseBoolean(query.getOrDefault("retain", "false"));
      if (qos < 0 || qos > 1) {
        Responses.json(exchange, 400, "{\"message\":\"qos must be 0 or 1\"}");
        return;
      }
      if (topic.contains("+") || topic.contains("#")) {
        Responses.json(exchange, 400, "{\"message\":\"a publish topic cannot contain wildcards\"}");
        return;
      }
      byte[] payload = exchange.getRequestBody().readAllBytes();
      publisher.publish(topic, payload, qos, retain);
      Responses.json(exchange, 200, "{}");
    } catch (NumberFormatException e) {
      Responses.json(exchange, 400, "{\"message\":\"qos must be a number\"}");
    } catch (IOException | RuntimeException e) {
      LOG.warn("IoT data-plane publish failed: {}", e.toString());
      Responses.json(exchange, 500, "{\"message\":\"Internal Server Error\"}");
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
