package city.parking.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.parking.core.tariff.Tariff;
import city.parking.core.tariff.TariffPresets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SessionFoldTest {
  static final Tariff BEIJING = TariffPresets.byName("beijing-onstreet");
  static final SessionRules CLASS_I = new SessionRules(Duration.ofSeconds(60), Duration.ofSeconds(120),
      Duration.ofDays(7), (start, end) -> BEIJING.fee("I", start, end));
  /** 2024-03-11 is a Monday; worked example 1 of docs/parking.md is 10:00-11:40, class I, 1750 fen. */
  static final OffsetDateTime MONDAY_10 = OffsetDateTime.parse("2024-03-11T10:00:00+08:00");

  private final SessionFold fold = new SessionFold("S1", CLASS_I);

  static OccupancyReading reading(long seq, boolean occupied, OffsetDateTime ts) {
    return new OccupancyReading("S1", occupied, ts, seq);
  }

  static NavigableMap<Long, OccupancyReading> readings(OccupancyReading... readings) {
    NavigableMap<Long, OccupancyReading> map = new TreeMap<>();
    for (OccupancyReading r : readings) {
      map.put(r.seq(), r);
    }
    return map;
  }

  static PlateCandidate read(String plate, double confidence, OffsetDateTime ts) {
    return new PlateCandidate(plate, confidence, ts, "C1");
  }

  @Test
  void aSessionLongerThanTheBillableLimitIsHeldForReviewAndNotPriced() {
    SessionRules pricingFails = new SessionRules(CLASS_I.minimum(), CLASS_I.plateLead(), Duration.ofDays(7),
        (start, end) -> {
          throw new AssertionError("a session held for review is not priced");
        });
    SessionFold.Run run = new SessionFold("S1", pricingFails).run(FoldState.initial(),
        readings(reading(1, true, MONDAY_10), reading(2, false, MONDAY_10.plusDays(7).plusSeconds(1))), next -> false);

    ClosedSession held = run.closed().get(0);
    assertTrue(held.heldForReview());
    assertEquals(0, held.amountDue());
    assertFalse(held.noise());
  }

  @Test
  void aSessionOfExactlyTheBillableLimitIsBilled() {
    SessionFold.Run run = fold.run(FoldState.initial(),
        readings(reading(1, true, MONDAY_10), reading(2, false, MONDAY_10.plusDays(7))), next -> false);

    ClosedSession session = run.closed().get(0);
    assertFalse(session.heldForReview());
    assertEquals(BEIJING.fee("I", MONDAY_10.toInstant(), MONDAY_10.plusDays(7).toInstant()), session.amountDue());
    assertTrue(session.amountDue() > 0);
  }

  @Test
  void anOccupiedReadOpensAndTheNextFreeOneClosesWithTheTariffsFee() {
    SessionFold.Run run = fold.run(FoldState.initial(),
        readings(reading(1, true, MONDAY_10), reading(2, false, MONDAY_10.plusMinutes(100))), next -> false);

    assertEquals(1, run.closed().size());
    ClosedSession session = run.closed().get(0);
    assertEquals(1, session.openSeq());
    assertEquals(2, session.closeSeq());
    assertEquals(MONDAY_10, session.start());
    assertEquals(MONDAY_10.plusMinutes(100), session.end());
    assertEquals(1750, session.amountDue());
    assertFalse(session.noise());
    assertFalse(session.settledWithGap());
    assertEquals(2, run.state().applied());
    assertTrue(run.state().open().isEmpty());
    assertEquals(Optional.of(MONDAY_10.plusMinutes(100)), run.state().closedEnd());
  }

  @Test
  void repeatedStatusesChangeNothingAndAreReportedAsUnrecorded() {
    SessionFold.Run run = fold.run(FoldState.initial(), readings(
        reading(1, false, MONDAY_10.minusMinutes(5)),
        reading(2, true, MONDAY_10),
        reading(3, true, MONDAY_10.plusMinutes(30)),
        reading(4, false, MONDAY_10.plusMinutes(100)),
        reading(5, false, MONDAY_10.plusMinutes(110))), next -> false);

    assertEquals(1, run.closed().size());
    assertEquals(2, run.closed().get(0).openSeq());
    assertEquals(4, run.closed().get(0).closeSeq());
    assertEquals(1750, run.closed().get(0).amountDue());
    assertEquals(List.of(1L, 3L, 5L), run.unrecorded());
  }

  @Test
  void aSessionShorterThanTheMinimumIsNoiseAndNotBilled() {
    SessionFold.Run flapping = fold.run(FoldState.initial(),
        readings(reading(1, true, MONDAY_10), reading(2, false, MONDAY_10.plusSeconds(59))), next -> false);
    SessionFold.Run minimum = fold.run(FoldState.initial(),
        readings(reading(1, true, MONDAY_10), reading(2, false, MONDAY_10.plusSeconds(60))), next -> false);

    assertTrue(flapping.closed().get(0).noise());
    assertEquals(0, flapping.closed().get(0).amountDue());
    assertFalse(minimum.closed().get(0).noise());
  }

  @Test
  void aClockThatRunsBackwardsMakesNoiseNotAnError() {
    SessionFold.Run run = fold.run(FoldState.initial(),
        readings(reading(1, true, MONDAY_10), reading(2, false, MONDAY_10.minusMinutes(3))), next -> false);

    assertTrue(run.closed().get(0).noise());
  }

  @Test
  void theFoldStopsAtAMissingSeqUnlessItMaySkip() {
    NavigableMap<Long, OccupancyReading> withGap = readings(
        reading(1, true, MONDAY_10), reading(3, false, MONDAY_10.plusMinutes(100)));

    SessionFold.Run waiting = fold.run(FoldState.initial(), withGap, next -> false);
    assertEquals(1, waiting.state().applied());
    assertTrue(waiting.closed().isEmpty());
    assertTrue(waiting.skipped().isEmpty());

    SessionFold.Run settled = fold.run(FoldState.initial(), withGap, next -> true);
    assertEquals(3, settled.state().applied());
    assertEquals(1, settled.closed().size());
    assertTrue(settled.closed().get(0).settledWithGap());
    assertEquals(1750, settled.closed().get(0).amountDue());
    assertEquals(List.of(new SkippedRange(2, 2, Optional.of(1L), Optional.of(MONDAY_10))), settled.skipped());
  }

  @Test
  void theSessionOpenedRightAfterAGapIsMarkedAndTheOneBeforeIsNot() {
    SessionFold.Run run = fold.run(FoldState.initial(), readings(
        reading(1, true, MONDAY_10),
        reading(2, false, MONDAY_10.plusMinutes(30)),
        reading(5, true, MONDAY_10.plusMinutes(60)),
        reading(6, false, MONDAY_10.plusMinutes(90))), next -> true);

    assertFalse(run.closed().get(0).settledWithGap());
    assertTrue(run.closed().get(1).settledWithGap());
    SkippedRange range = run.skipped().get(0);
    assertEquals(3, range.from());
    assertEquals(4, range.to());
    assertEquals(Optional.empty(), range.openSeq());
    assertEquals(3, range.refoldFrom());
    assertEquals(Optional.of(MONDAY_10.plusMinutes(30)), range.since());
  }

  @Test
  void aReadingOutOfTurnIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> fold.apply(FoldState.initial(), reading(2, true, MONDAY_10)));
  }

  @Test
  void theBestReadInsideTheWindowWinsAndLaterReadsWaitForTheNextSession() {
    FoldState state = FoldState.initial();
    state = fold.offer(state, read("京A11111", 0.80, MONDAY_10.minusSeconds(60)));
    state = fold.offer(state, read("京B22222", 0.90, MONDAY_10.plusMinutes(10)));
    state = fold.offer(state, read("京C33333", 0.99, MONDAY_10.plusMinutes(101)));
    state = fold.offer(state, read("京D44444", 0.99, MONDAY_10.minusMinutes(10)));

    SessionFold.Run run = fold.run(state,
        readings(reading(1, true, MONDAY_10), reading(2, false, MONDAY_10.plusMinutes(100))), next -> false);

    assertEquals("京B22222", run.closed().get(0).plate().orElseThrow().plate());
    assertEquals(List.of("京C33333"), run.state().reads().stream().map(PlateCandidate::plate).toList());
  }

  @Test
  void equalConfidenceGoesToTheEarlierRead() {
    FoldState state = FoldState.initial();
    state = fold.offer(state, read("京B22222", 0.9, MONDAY_10.plusMinutes(20)));
    state = fold.offer(state, read("京A11111", 0.9, MONDAY_10.plusMinutes(5)));

    SessionFold.Run run = fold.run(state,
        readings(reading(1, true, MONDAY_10), reading(2, false, MONDAY_10.plusMinutes(100))), next -> false);

    assertEquals("京A11111", run.closed().get(0).plate().orElseThrow().plate());
  }

  @Test
  void flappingTakesNoReadSoTheRealSessionAfterItGetsThePlate() {
    FoldState state = fold.offer(FoldState.initial(), read("京A12345", 0.95, MONDAY_10.plusSeconds(10)));

    SessionFold.Run run = fold.run(state, readings(
        reading(1, true, MONDAY_10),
        reading(2, false, MONDAY_10.plusSeconds(20)),
        reading(3, true, MONDAY_10.plusSeconds(40)),
        reading(4, false, MONDAY_10.plusMinutes(100))), next -> false);

    assertTrue(run.closed().get(0).plate().isEmpty());
    assertEquals("京A12345", run.closed().get(1).plate().orElseThrow().plate());
    assertEquals(1750, run.closed().get(1).amountDue()); // 10:00:40-11:40: 4 x 250 + 2 x 375
  }

  @Test
  void theOpenSessionShowsItsBestReadSoFar() {
    FoldState state = fold.offer(FoldState.initial(), read("京A12345", 0.7, MONDAY_10.plusMinutes(1)));
    state = fold.offer(state, read("京A12346", 0.6, MONDAY_10.plusMinutes(2)));
    state = fold.apply(state, reading(1, true, MONDAY_10)).state();

    assertEquals("京A12345", state.openPlate(CLASS_I).orElseThrow().plate());
  }

  @Test
  void aReadForAClosedSessionIsNotOfferedAndTheSameReadTwiceIsOne() {
    FoldState closed = fold.run(FoldState.initial(),
        readings(reading(1, true, MONDAY_10), reading(2, false, MONDAY_10.plusMinutes(100))), next -> false).state();
    assertThrows(IllegalArgumentException.class,
        () -> fold.offer(closed, read("京A12345", 0.9, MONDAY_10.plusMinutes(50))));

    PlateCandidate later = read("京A12345", 0.9, MONDAY_10.plusMinutes(150));
    FoldState once = fold.offer(closed, later);
    assertEquals(once, fold.offer(once, later));
  }
}
