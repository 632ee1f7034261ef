package city.local.http;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IoT data plane's Publish API, as {@code IotDataPlaneClient.publish} calls it with an endpoint
 * override: {@code POST /topics/{url-encoded topic}?qos=0|1[&retain=true]}, the body being the payload (at most
 * IoT Core's 128 KB); answers 200 {@code {}}. Handlers use it to reach devices through the twin's broker. A
 * request from a web page (any {@code Origin}) is refused: only the handlers' SDK clients publish here.
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
    this.server = new LoopbackHttpServer(port, HttpLimits.IOT_DATA_PLANE, "iot-data", this::handle);
  }

  public static IotDataEndpoint start(int port, Publisher publisher) {
    IotDataEndpoint endpoint = new IotDataEndpoint(port, publisher);
    endpoint.server.start();
    return endpoint;
  }

  public int port() {
    return server.port();
  }

  private boolean handle(Request request, Response response, Callback callback) {
    try {
      String rawPath = request.getHttpURI().getPath();
      if (request.getHeaders().contains(HttpHeader.ORIGIN)) {
        Responses.json(request, response, callback, 403, "{\"message\":\"Forbidden: web pages may not publish\"}");
        return true;
      }
      if (!rawPath.startsWith(PREFIX) || rawPath.length() == PREFIX.length()) {
        Responses.json(request, response, callback, 404, "{\"message\":\"Not Found\"}");
        return true;
      }
      if (!request.getMethod().equals("POST")) {
        Responses.json(request, response, callback, 405, "{\"message\":\"Method Not Allowed\"}");
        return true;
      }
      String topic = PercentDecoding.decode(rawPath.substring(PREFIX.length()));
      Map<String, String> query = HttpApiEvents.query(request.getHttpURI().getQuery());
      int qos = query == null ? 0 : Integer.parseInt(query.getOrDefault("qos", "0"));
      boolean retain = query != null && Boolean.parseBoolean(query.getOrDefault("retain", "false"));
      if (qos < 0 || qos > 1) {
        Responses.json(request, response, callback, 400, "{\"message\":\"qos must be 0 or 1\"}");
        return true;
      }
      if (topic.contains("+") || topic.contains("#")) {
        Responses.json(request, response, callback, 400, "{\"message\":\"a publish topic cannot contain wildcards\"}");
        return true;
      }
      Content.Source.asByteBuffer(request, Promise.from(
          body -> publish(request, response, callback, topic, body, qos, retain),
          // over the size limit (413), or the client stopped sending: Jetty answers if it still can
          callback::failed));
    } catch (NumberFormatException e) {
      Responses.json(request, response, callback, 400, "{\"message\":\"qos must be a number\"}");
    } catch (RuntimeException e) {
      internalError(request, response, callback, e);
    }
    return true;
  }

  private void publish(Request request, Response response, Callback callback, String topic, ByteBuffer body,
      int qos, boolean retain) {
    try {
      byte[] payload = new byte[body.remaining()];
      body.get(payload);
      publisher.publish(topic, payload, qos, retain);
      Responses.json(request, response, callback, 200, "{}");
    } catch (RuntimeException e) {
      internalError(request, response, callback, e);
    }
  }

  private static void internalError(Request request, Response response, Callback callback, RuntimeException e) {
    LOG.warn("IoT data-plane publish failed: {}", e.toString());
    Responses.json(request, response, callback, 500, "{\"message\":\"Internal Server Error\"}");
  }

  @Override
  public void close() {
    server.stop();
  }
}
