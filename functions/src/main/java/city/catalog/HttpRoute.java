package city.catalog;

/**
 * An HTTP API route bound to the function that serves it; {@code routeKey()} matches the v2.0 event.
 *
 * @param throttle the route's own rate limit on the HTTP API stage
 */
public record HttpRoute(String method, String path, String functionId, Access access, RouteThrottle throttle) {
  /** A route with its class's throttle ({@link RouteThrottle#forRoute}). */
  public HttpRoute(String method, String path, String functionId, Access access) {
    this(method, path, functionId, access, RouteThrottle.forRoute(method, access));
  }

  public String routeKey() {
    return method + " " + path;
  }
}
