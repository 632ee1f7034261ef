package city.dispatch;

/** A WGS84 point. */
public record Position(double lat, double lon) {
  /** Mean Earth radius (IUGG), the usual choice for great-circle distances. */
  static final double EARTH_RADIUS_KM = 6371.0088;

  /** Great-circle distance by the haversine formula: well conditioned at the short distances of a county. */
  public double distanceKm(Position other) {
    double lat1 = Math.toRadians(lat);
    double lat2 = Math.toRadians(other.lat);
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(other.lon - lon);
    double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
