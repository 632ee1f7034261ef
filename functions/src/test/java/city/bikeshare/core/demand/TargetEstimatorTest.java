package city.bikeshare.core.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.bikeshare.core.BikeshareLayout;
import city.platform.GeoPoint;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetEstimatorTest {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final BikeshareLayout.Station STATION = new BikeshareLayout.Station("B1", "B1", new GeoPoint(36.5, 118.5), 16);
  /** Wednesday 08:00 local: hour of week 2 * 24 + 8. */
  static final Instant WEDNESDAY_8 = OffsetDateTime.parse("2026-11-25T08:00:00+08:00").toInstant();

  private final TargetEstimator estimator = new TargetEstimator(SHANGHAI, Duration.ofMinutes(120));

  private static FlowBucket bucket(Instant hourStart, int netChange, int truckMoved) {
    return new FlowBucket("B1", hourStart, netChange, truckMoved, 3);
  }

  private static Instant weeksBefore(Instant instant, int weeks, int plusHours) {
    return instant.minus(Duration.ofDays(7L * weeks)).plus(Duration.ofHours(plusHours));
  }

  @Test
  void withoutHistoryTheTargetIsHalfFull() {
    Target target = estimator.target(STATION, List.of(), WEDNESDAY_8);
    assertEquals(new Target("B1", 8, 8, 8, Target.Basis.HALF_FULL), target);
    assertFalse(target.covers(7));
  }

  @Test
  void morningOutflowNeedsEnoughBikesForTheWholeHorizon() {
    List<FlowBucket> history = List.of(
        bucket(weeksBefore(WEDNESDAY_8, 1, 0), -5, 0),
        bucket(weeksBefore(WEDNESDAY_8, 1, 1), -4, 0));
    Target target = estimator.target(STATION, history, WEDNESDAY_8);
    assertEquals(Target.Basis.HISTORY, target.basis());
    assertEquals(9, target.minBikes(), "5 + 4 bikes leave over the two hours");
    assertEquals(16, target.maxBikes(), "nothing arrives: any free docks are enough");
    assertEquals(13, target.bikes(), "the middle of [9, 16]");
    assertTrue(target.covers(9));
    assertFalse(target.covers(8));
  }

  @Test
  void recentWeeksWeighMore() {
    List<FlowBucket> history = List.of(
        bucket(weeksBefore(WEDNESDAY_8, 1, 0), -6, 0),
        bucket(weeksBefore(WEDNESDAY_8, 2, 0), -3, 0));
    // weights 1/2 and 1/4: (-6 * 2 + -3) / 3 = -5 in hour 8; no observation for hour 9
    assertEquals(5, estimator.target(STATION, history, WEDNESDAY_8).minBikes());
  }

  @Test
  void theCurrentHourCountsForWhatIsLeftOfIt() {
    Instant half = WEDNESDAY_8.plus(Duration.ofMinutes(30));
    List<FlowBucket> history = List.of(
        bucket(weeksBefore(WEDNESDAY_8, 1, 0), -4, 0),
        bucket(weeksBefore(WEDNESDAY_8, 1, 1), 6, 0),
        bucket(weeksBefore(WEDNESDAY_8, 1, 2), 4, 0));
    // running change: -4/2 = -2, then +6 = 4, then +4/2 = 6
    Target target = estimator.target(STATION, history, half);
    assertEquals(2, target.minBikes());
    assertEquals(16 - 6, target.maxBikes());
    assertEquals(6, target.bikes());
  }

  @Test
  void truckMovesAreNotRiderDemand() {
    List<FlowBucket> history = List.of(bucket(weeksBefore(WEDNESDAY_8, 1, 0), 8, 8));
    Target target = estimator.target(STATION, history, WEDNESDAY_8);
    assertEquals(0, target.minBikes());
    assertEquals(16, target.maxBikes());
  }

  @Test
  void anHourStillRunningIsNotAnObservation() {
    List<FlowBucket> history = List.of(bucket(WEDNESDAY_8, -10, 0));
    assertEquals(Target.Basis.HALF_FULL, estimator.target(STATION, history, WEDNESDAY_8.plusSeconds(600)).basis());
  }

  @Test
  void whenOutflowAndInflowTogetherExceedTheDocksTheCapacityIsSplitInProportion() {
    BikeshareLayout.Station small = new BikeshareLayout.Station("B1", "B1", new GeoPoint(36.5, 118.5), 10);
    List<FlowBucket> history = List.of(
        bucket(weeksBefore(WEDNESDAY_8, 1, 0), -8, 0),
        bucket(weeksBefore(WEDNESDAY_8, 1, 1), 16, 0));
    Target target = estimator.target(small, history, WEDNESDAY_8);
    assertEquals(new Target("B1", 5, 5, 5, Target.Basis.HISTORY), target);
  }

  @Test
  void theHorizonWalksLocalClockHoursOfTheWeek() {
    List<TargetEstimator.HorizonHour> hours = estimator.horizon(WEDNESDAY_8.plus(Duration.ofMinutes(45)));
    assertEquals(List.of(56, 57, 58), hours.stream().map(TargetEstimator.HorizonHour::hourOfWeek).toList());
    assertEquals(0.25, hours.get(0).share(), 1e-9);
    assertEquals(1.0, hours.get(1).share(), 1e-9);
    assertEquals(0.75, hours.get(2).share(), 1e-9);
    Instant sundayLate = OffsetDateTime.parse("2026-11-29T23:30:00+08:00").toInstant();
    assertEquals(List.of(167, 0, 1), estimator.horizon(sundayLate).stream().map(TargetEstimator.HorizonHour::hourOfWeek).toList(),
        "the week wraps from Sunday night to Monday");
  }
}
