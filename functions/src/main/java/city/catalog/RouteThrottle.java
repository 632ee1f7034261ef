package city.catalog;

/**
 * The HTTP API's token bucket for one route: its steady rate and the burst it absorbs. Each route has its own
 * bucket, so a flood on a public feed is refused on that route (429) and never spends the capacity of payments
 * or of the dispatch desk. A route takes its class's default ({@link #forRoute}) unless it declares its own.
 */
public record RouteThrottle(double ratePerSecond, int burst) {
  /** Open data reads (GBFS, availability, Open311 lookups): cacheable, polled by apps. */
  public static final RouteThrottle PUBLIC_READ = new RouteThrottle(20, 40);
  /** Anonymous writes (an Open311 report): a county receives a few a minute; each one makes work for people. */
  public static final RouteThrottle PUBLIC_WRITE = new RouteThrottle(1, 5);
  /** A citizen's own sessions and payments, behind a token. */
  public static final RouteThrottle CITIZEN = new RouteThrottle(50, 100);
  /** The command centre: the dispatch desk and ops views, behind an ops token. */
  public static final RouteThrottle OPS = new RouteThrottle(25, 50);

  public RouteThrottle {
    if (ratePerSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("a route throttle needs a positive rate and a burst of at least 1");
    }
  }

  /** The default of a route's class: who may call it, and whether an anonymous call only reads. */
  public static RouteThrottle forRoute(String method, Access access) {
    return switch (access) {
      case PUBLIC -> method.equals("GET") || method.equals("HEAD") ? PUBLIC_READ : PUBLIC_WRITE;
      case CITIZEN -> CITIZEN;
      case OPS -> OPS;
    };
  }
}
