package city.local.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A console left open all day: a snapshot every 2 s for a 30-day month, at the snapshot's price per 1,000. */
class WallDisplayTest {
  @Test
  void aMonthOfSnapshotsEveryTwoSecondsAtTheirPricePerThousand() {
    WallDisplay wall = WallDisplay.of(List.of(
        new EventCost("HTTP request to OpsApi", "OpsApi", "ops", BigDecimal.TEN, new BigDecimal("9.99")),
        new EventCost("HTTP request to CitySnapshot", "CitySnapshot", "ops", BigDecimal.TEN, new BigDecimal("0.004746"))))
        .orElseThrow();
    assertEquals(1_296_000, wall.requestsPerMonth(), "43,200 a day");
    assertEquals(new BigDecimal("6.150816"), wall.cost());
  }

  @Test
  void noSnapshotPriceNoLine() {
    assertTrue(WallDisplay.of(List.of()).isEmpty());
  }
}
