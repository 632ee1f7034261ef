package city.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/** A response body (serialised as JSON unless it is already a string; bytes are sent as they are) with status and extra headers. */
public record HttpResponse(int status, Object body, Map<String, String> headers) {
  public static HttpResponse ok(Object body) {
    return new HttpResponse(200, body, Map.of());
  }

  public static HttpResponse created(Object body) {
    return new HttpResponse(201, body, Map.of());
  }

  public static HttpResponse of(int status, Object body) {
    return new HttpResponse(status, body, Map.of());
  }

  public HttpResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new HttpResponse(status, body, Map.copyOf(more));
  }

  /** Public data that CDNs and browsers may keep: serving it again costs nothing. */
  public HttpResponse cacheableFor(int seconds) {
    return withHeader("Cache-Control", "public, max-age=" + seconds);
  }
}
