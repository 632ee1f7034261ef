package city.dispatch;

import city.platform.GreatCircle;

/** A WGS84 point. */
public record Position(double lat, double lon) {
  public double distanceKm(Position other) {
    return GreatCircle.meters(lat, lon, other.lat, other.lon) / 1000;
  }
}
