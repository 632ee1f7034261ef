package city.local.demo;

import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** What the citizens' and operators' apps of the demo do: HTTP calls to the twin's API, each with a timeout. */
public final class TwinHttp {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** Longer than the slowest route (a plan runs the solver for up to its cap), short enough to notice a hang. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** An answer; {@code body} is a missing node when the answer was not JSON. */
  public record Reply(String request, int status, JsonNode body, String text) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The body of a 2xx answer; anything else is a failure naming the request and the answer. */
    public JsonNode require() {
      if (!ok()) {
        throw new IllegalStateException(request + " answered " + status + ": " + abbreviated(text));
      }
      return body;
    }

    private static String abbreviated(String text) {
      return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
  }

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  private final URI base;

  public TwinHttp(URI base) {
    this.base = base;
  }

  public Reply get(String path, String token) {
    return send(request(path, token).GET(), "GET " + path);
  }

  public Reply postJson(String path, String token, Object body, Map<String, String> headers) {
    HttpRequest.Builder request = request(path, token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)));
    headers.forEach(request::header);
    return send(request, "POST " + path);
  }

  public Reply postForm(String path, Map<String, String> fields, Map<String, String> headers) {
    String form = fields.entrySet().stream()
        .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder request = request(path, null)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    headers.forEach(request::header);
    return send(request, "POST " + path);
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  private Reply send(HttpRequest.Builder request, String description) {
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(description, response.statusCode(), json(response.body()), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(description + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(description + " was interrupted", e);
    }
  }

  private static JsonNode json(String text) {
    try {
      return Json.parse(text);
    } catch (RuntimeException notJson) {
      return MissingNode.getInstance();
    }
  }
}
