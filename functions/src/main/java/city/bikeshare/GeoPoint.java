package city.bikeshare;

import city.platform.GreatCircle;

/** A WGS84 position. */
public record GeoPoint(double lat, double lon) {
  /** Great-circle distance: no road network is available, and within a city it ranks trips the same way. */
  public double distanceMeters(GeoPoint other) {
    return GreatCircle.meters(lat, lon, other.lat, other.lon);
  }
}
