package city.platform;

/**
 * A WGS84 point. Distances are great-circle ({@link GreatCircle}): no road network is available, and within a
 * city they rank trips and units the same way.
 */
public record GeoPoint(double lat, double lon) {
  public double distanceMeters(GeoPoint other) {
    return GreatCircle.meters(lat, lon, other.lat, other.lon);
  }

  public double distanceKm(GeoPoint other) {
    return distanceMeters(other) / 1000;
  }
}
