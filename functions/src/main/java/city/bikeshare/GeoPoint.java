package city.bikeshare;

/** A WGS84 position. */
public record GeoPoint(double lat, double lon) {
  private static final double EARTH_RADIUS_METERS = 6_371_008.8;

  /** Great-circle (haversine) distance: no road network is available, and within a city it ranks trips the same way. */
  public double distanceMeters(GeoPoint other) {
    double phi1 = Math.toRadians(lat);
    double phi2 = Math.toRadians(other.lat);
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(other.lon - lon);
    double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
        + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
