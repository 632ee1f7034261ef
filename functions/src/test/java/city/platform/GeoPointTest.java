package city.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GeoPointTest {
  @Test
  void oneDegreeOfLatitudeIsAbout111Km() {
    assertEquals(111.195, new GeoPoint(36.0, 118.0).distanceKm(new GeoPoint(37.0, 118.0)), 0.01);
  }

  @Test
  void beijingToShanghaiMatchesThePublishedGreatCircleDistance() {
    GeoPoint beijing = new GeoPoint(39.9042, 116.4074);
    GeoPoint shanghai = new GeoPoint(31.2304, 121.4737);
    assertEquals(1067.3, beijing.distanceKm(shanghai), 1.0);
  }

  @Test
  void distanceIsSymmetricAndZeroToItself() {
    GeoPoint a = new GeoPoint(36.5, 118.5);
    GeoPoint b = new GeoPoint(36.6, 118.7);
    assertEquals(a.distanceKm(b), b.distanceKm(a), 1e-12);
    assertEquals(0.0, a.distanceKm(a), 1e-12);
  }

  @Test
  void metresAndKilometresAreTheSameDistance() {
    GeoPoint a = new GeoPoint(36.0, 118.0);
    GeoPoint b = new GeoPoint(37.0, 118.0);
    assertEquals(111_195, a.distanceMeters(b), 10);
    assertEquals(a.distanceMeters(b) / 1000, a.distanceKm(b), 1e-12);
  }
}
