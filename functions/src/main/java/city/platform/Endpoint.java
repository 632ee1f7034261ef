package city.platform;

/** One route of an HTTP handler, keyed like the HTTP API v2.0 event's {@code routeKey} ("GET /things/{id}"). */
public record Endpoint(String routeKey, Route route) {
  @FunctionalInterface
  public interface Route {
    HttpResponse handle(HttpRequest request);
  }

  /** The one access rule the handlers enforce: everything under /ops/ needs the ops role. */
  public boolean requiresOps() {
    return routeKey.substring(routeKey.indexOf(' ') + 1).startsWith("/ops/");
  }
}
