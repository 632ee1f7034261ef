package city.catalog;

/** An HTTP API route bound to the function that serves it; {@code routeKey()} matches the v2.0 event. */
public record HttpRoute(String method, String path, String functionId, Access access) {
  public String routeKey() {
    return method + " " + path;
  }
}
