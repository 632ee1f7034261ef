package city.parking.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The fold against a model written the obvious way, and the fold cut anywhere against the fold in one go. */
class SessionFoldPropertiesTest {
  private static final OffsetDateTime START = OffsetDateTime.parse("2024-03-11T06:00:00+08:00");
  private final SessionFold fold = new SessionFold("S1", SessionFoldTest.CLASS_I);

  record Step(boolean occupied, int secondsLater) {}

  @Provide
  Arbitrary<List<Step>> histories() {
    Arbitrary<Step> step = Combinators.combine(
        Arbitraries.of(true, false),
        Arbitraries.oneOf(Arbitraries.integers().between(1, 90), Arbitraries.integers().between(60, 20_000)))
        .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(40);
  }

  static List<OccupancyReading> readings(List<Step> steps) {
    List<OccupancyReading> readings = new ArrayList<>();
    OffsetDateTime ts = START;
    long seq = 1;
    for (Step step : steps) {
      ts = ts.plusSeconds(step.secondsLater());
      readings.add(new OccupancyReading("S1", step.occupied(), ts, seq++));
    }
    return readings;
  }

  /** [openSeq, closeSeq, fee, noise] of every session, the obvious way. */
  static List<List<Long>> model(List<OccupancyReading> readings) {
    List<List<Long>> sessions = new ArrayList<>();
    OccupancyReading open = null;
    for (OccupancyReading r : readings) {
      if (r.occupied() && open == null) {
        open = r;
      } else if (!r.occupied() && open != null) {
        boolean noise = Duration.between(open.ts(), r.ts()).toSeconds() < 60;
        boolean heldForReview = Duration.between(open.ts(), r.ts()).compareTo(SessionFoldTest.CLASS_I.maxBillable()) > 0;
        long fee = noise || heldForReview ? 0 : SessionFoldTest.BEIJING.fee("I", open.ts().toInstant(), r.ts().toInstant());
        sessions.add(List.of(open.seq(), r.seq(), fee, noise ? 1L : 0L));
        open = null;
      }
    }
    return sessions;
  }

  static List<List<Long>> summary(List<ClosedSession> closed) {
    return closed.stream().map(c -> List.of(c.openSeq(), c.closeSeq(), c.amountDue(), c.noise() ? 1L : 0L)).toList();
  }

  static NavigableMap<Long, OccupancyReading> map(List<OccupancyReading> readings) {
    NavigableMap<Long, OccupancyReading> map = new TreeMap<>();
    readings.forEach(r -> map.put(r.seq(), r));
    return map;
  }

  @Property(tries = 300)
  void theFoldBillsWhatTheModelBills(@ForAll("histories") List<Step> steps) {
    List<OccupancyReading> readings = readings(steps);
    assertEquals(model(readings), summary(fold.run(FoldState.initial(), map(readings), next -> false).closed()));
  }

  @Property(tries = 300)
  void foldingInTwoRunsIsFoldingInOne(@ForAll("histories") List<Step> steps, @ForAll @IntRange(min = 0, max = 40) int cut) {
    List<OccupancyReading> readings = readings(steps);
    int at = Math.min(cut, readings.size());
    SessionFold.Run whole = fold.run(FoldState.initial(), map(readings), next -> false);
    SessionFold.Run first = fold.run(FoldState.initial(), map(readings.subList(0, at)), next -> false);
    SessionFold.Run second = fold.run(first.state(), map(readings.subList(at, readings.size())), next -> false);

    List<ClosedSession> inTwo = new ArrayList<>(first.closed());
    inTwo.addAll(second.closed());
    assertEquals(whole.closed(), inTwo);
    assertEquals(whole.state(), second.state());
  }
}
