package city.platform;

/**
 * Great-circle distance on the mean Earth sphere (IUGG radius) by the haversine formula: well conditioned at
 * the short distances of a city, and there is no road network to do better with.
 */
public final class GreatCircle {
  private static final double EARTH_RADIUS_METERS = 6_371_008.8;

  private GreatCircle() {}

  public static double meters(double lat1, double lon1, double lat2, double lon2) {
    double phi1 = Math.toRadians(lat1);
    double phi2 = Math.toRadians(lat2);
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(lon2 - lon1);
    double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
        + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
