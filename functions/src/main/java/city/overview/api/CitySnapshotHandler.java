package city.overview.api;

import city.platform.City;
import city.platform.Endpoint;
import city.platform.HttpApiHandler;
import city.platform.HttpRequest;
import city.platform.HttpResponse;
import city.platform.Json;
import city.platform.SnapshotPart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * {@code GET /ops/snapshot}: the whole city as the console's map draws it, in one answer: each domain's
 * {@link SnapshotPart} under its name. The answer holds no clock, so its ETag changes only when the city does; a
 * console that sends it back in If-None-Match gets a 304 without a body (one request per refresh, the same reads).
 */
public final class CitySnapshotHandler extends HttpApiHandler {
  public CitySnapshotHandler() {
    this(open(City.current(), parts()));
  }

  public CitySnapshotHandler(Map<String, Supplier<Object>> readers) {
    super(List.of(new Endpoint("GET /ops/snapshot", request -> snapshot(readers, request))));
  }

  /** Every registered part, in the services file's order. */
  public static List<SnapshotPart> parts() {
    return ServiceLoader.load(SnapshotPart.class, SnapshotPart.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get).toList();
  }

  private static Map<String, Supplier<Object>> open(City city, List<SnapshotPart> parts) {
    Map<String, Supplier<Object>> readers = new LinkedHashMap<>();
    parts.forEach(part -> readers.put(part.name(), part.open(city)));
    return readers;
  }

  private static HttpResponse snapshot(Map<String, Supplier<Object>> readers, HttpRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    readers.forEach((name, reader) -> body.put(name, reader.get()));
    String json = Json.write(body);
    String etag = etag(json);
    boolean unchanged = request.header("if-none-match")
        .map(values -> Arrays.stream(values.split(",")).map(String::trim).anyMatch(etag::equals))
        .orElse(false);
    HttpResponse response = unchanged ? HttpResponse.of(304, "") : HttpResponse.ok(json);
    return response.withHeader("Content-Type", "application/json; charset=utf-8").withHeader("ETag", etag)
        .withHeader("Cache-Control", "private, no-cache");
  }

  static String etag(String json) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
