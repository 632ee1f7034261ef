package city.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PositionTest {
  @Test
  void oneDegreeOfLatitudeIsAbout111Km() {
    assertEquals(111.195, new Position(36.0, 118.0).distanceKm(new Position(37.0, 118.0)), 0.01);
  }

  @Test
  void beijingToShanghaiMatchesThePublishedGreatCircleDistance() {
    Position beijing = new Position(39.9042, 116.4074);
    Position shanghai = new Position(31.2304, 121.4737);
    assertEquals(1067.3, beijing.distanceKm(shanghai), 1.0);
  }

  @Test
  void distanceIsSymmetricAndZeroToItself() {
    Position a = new Position(36.5, 118.5);
    Position b = new Position(36.6, 118.7);
    assertEquals(a.distanceKm(b), b.distanceKm(a), 1e-12);
    assertEquals(0.0, a.distanceKm(a), 1e-12);
  }
}
