package city.bikeshare.api;

import city.platform.HttpRequest;
import java.util.Optional;

/**
 * Where this API is, as its callers reach it: discovery URLs must be absolute. The Host header is what the
 * caller used (API Gateway only routes a request whose host is one of the API's domains, so it cannot point
 * elsewhere); the scheme is the one the edge saw. A configured base URL wins (for a CDN in front).
 */
final class GbfsUrls {
  /** Optional: the public base URL, e.g. https://bikes.example.org, when a CDN or proxy serves the feeds. */
  static final String BASE_URL = "GBFS_BASE_URL";

  private GbfsUrls() {}

  static String baseUrl(HttpRequest request, Optional<String> configured) {
    if (configured.isPresent()) {
      return trimSlash(configured.get());
    }
    String host = request.header("host").orElse("localhost");
    String scheme = request.header("x-forwarded-proto").orElse(isLoopback(host) ? "http" : "https");
    // a named stage or a path mapping puts a prefix before the route: keep it
    String path = request.path() == null ? "" : request.path();
    String route = request.routeKey().substring(request.routeKey().indexOf(' ') + 1);
    String prefix = path.endsWith(route) ? path.substring(0, path.length() - route.length()) : "";
    return scheme + "://" + host + trimSlash(prefix);
  }

  private static boolean isLoopback(String host) {
    String name = host.contains(":") && !host.startsWith("[") ? host.substring(0, host.indexOf(':')) : host;
    return name.equals("localhost") || name.startsWith("127.") || name.startsWith("[::1]");
  }

  private static String trimSlash(String text) {
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }
}
