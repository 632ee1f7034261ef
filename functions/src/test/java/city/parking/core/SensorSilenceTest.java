package city.parking.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensorSilenceTest {
  private static final Instant FIRST = Instant.parse("2026-11-28T01:00:00Z");
  private static final Instant SECOND = Instant.parse("2026-11-28T05:00:00Z");

  private static SensorSilence silent(Instant since, long seq) {
    return new SensorSilence("S1", since, false, seq);
  }

  private static SensorSilence back(Instant since) {
    return new SensorSilence("S1", since, true, 0);
  }

  @Test
  void theBackOfASilenceEndsItButARepeatedSilenceDoesNotRestartIt() {
    assertTrue(silent(FIRST, 7).replacedBy(back(FIRST)));
    assertFalse(silent(FIRST, 7).replacedBy(silent(FIRST, 9)));
    assertFalse(back(FIRST).replacedBy(back(FIRST)));
  }

  @Test
  void aSilenceArrivingAfterItsOwnBackChangesNothing() {
    assertFalse(back(FIRST).replacedBy(silent(FIRST, 7)));
  }

  @Test
  void aBackOlderThanTheKeptSilenceDoesNotClearIt() {
    assertFalse(silent(SECOND, 7).replacedBy(back(FIRST)));
    assertTrue(back(FIRST).replacedBy(silent(SECOND, 7)));
    assertTrue(silent(FIRST, 7).replacedBy(silent(SECOND, 9)));
  }

  @Test
  void aSilenceHidesTheSensorUntilANewerReadingOrItsBack() {
    SpaceState lastBeforeSilence = new SpaceState("S1", SpaceStatus.OCCUPIED, null, 7);
    SpaceState newer = new SpaceState("S1", SpaceStatus.OCCUPIED, null, 8);
    assertTrue(silent(FIRST, 7).hides(lastBeforeSilence));
    assertTrue(silent(FIRST, 0).hides(SpaceState.unknown("S1")));
    assertFalse(silent(FIRST, 7).hides(newer));
    assertFalse(back(FIRST).hides(lastBeforeSilence));
  }

  @Test
  void aSilentSpaceCountsAsUnknownNotAsWhatItsSensorLastSaid() {
    ParkingLayout.Space s1 = new ParkingLayout.Space("S1", 36.5, 118.5);
    ParkingLayout.Space s2 = new ParkingLayout.Space("S2", 36.5, 118.5);
    ParkingLayout.Zone zone = new ParkingLayout.Zone("Z1", "street", "T1", "Z1", List.of(s1, s2));
    List<SpaceHead> heads = List.of(head("S1", SpaceStatus.FREE, 7), head("S2", SpaceStatus.OCCUPIED, 3));
    ZoneAvailability availability = ZoneAvailability.of(zone, heads, Map.of(),
        Map.of("S1", silent(FIRST, 7), "S2", back(FIRST)));
    assertEquals(0, availability.free());
    assertEquals(1, availability.occupied());
    assertEquals(1, availability.unknown());
    assertEquals("unknown", availability.spaces().get(0).status());
  }

  private static SpaceHead head(String spaceId, SpaceStatus status, long seq) {
    SpaceHead empty = SpaceHead.empty("Z1", spaceId);
    return new SpaceHead("Z1", spaceId, status, empty.since(), seq, empty.fold(), List.of(), empty.gapSince(), 0,
        false, 0);
  }
}
