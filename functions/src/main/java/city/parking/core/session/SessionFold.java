package city.parking.core.session;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.LongPredicate;

/**
 * The one definition of a space's sessions: readings folded in seq order. A session opens at an occupied
 * reading while none is open and closes at the next free reading; repeated statuses change nothing. Every
 * path (in order, after a gap, after a timeout, a late correction) runs this fold, so every arrival order
 * yields the bills of in-order delivery. Pure: no clock, no I/O.
 */
public final class SessionFold {
  private final String spaceId;
  private final SessionRules rules;

  public SessionFold(String spaceId, SessionRules rules) {
    this.spaceId = spaceId;
    this.rules = rules;
  }

  public enum Effect { OPENED, CLOSED, NONE }

  public record Step(FoldState state, Effect effect, Optional<ClosedSession> closed) {}

  /**
   * Applies readings in seq order from {@code start.applied() + 1} while they are contiguous. At a missing
   * seq it stops, unless {@code maySkipTo} accepts the next available seq: then the missing ones are
   * recorded as skipped and the fold goes on.
   *
   * @param unrecorded seqs whose reading left no trace in a session (repeats): the caller keeps those readings
   */
  public record Run(FoldState state, List<ClosedSession> closed, List<SkippedRange> skipped, List<Long> unrecorded) {}

  public Run run(FoldState start, NavigableMap<Long, OccupancyReading> readings, LongPredicate maySkipTo) {
    FoldState state = start;
    List<ClosedSession> closed = new ArrayList<>();
    List<SkippedRange> skipped = new ArrayList<>();
    List<Long> unrecorded = new ArrayList<>();
    while (true) {
      OccupancyReading next = readings.get(state.applied() + 1);
      if (next == null) {
        Map.Entry<Long, OccupancyReading> later = readings.higherEntry(state.applied() + 1);
        if (later == null || !maySkipTo.test(later.getKey())) {
          return new Run(state, closed, skipped, unrecorded);
        }
        skipped.add(skippedRange(state, later.getKey() - 1));
        state = skip(state, later.getKey() - 1);
        next = later.getValue();
      }
      Step step = apply(state, next);
      state = step.state();
      step.closed().ifPresent(closed::add);
      if (step.effect() == Effect.NONE) {
        unrecorded.add(next.seq());
      }
    }
  }

  public Step apply(FoldState s, OccupancyReading reading) {
    if (reading.seq() != s.applied() + 1) {
      throw new IllegalArgumentException("reading " + reading.seq() + " does not follow " + s.applied());
    }
    Optional<FoldState.StatusRun> status = Optional.of(s.status()
        .map(run -> run.next(reading.occupied(), reading.ts()))
        .orElse(new FoldState.StatusRun(reading.occupied(), reading.ts(), reading.ts())));
    if (reading.occupied()) {
      if (s.open().isEmpty()) {
        OpenSession open = new OpenSession(reading.seq(), reading.ts(), s.afterGap());
        return new Step(new FoldState(reading.seq(), status, Optional.of(open), s.closedEnd(), s.reads(), false),
            Effect.OPENED, Optional.empty());
      }
      Optional<OpenSession> open = s.afterGap() ? s.open().map(OpenSession::withGap) : s.open();
      return new Step(new FoldState(reading.seq(), status, open, s.closedEnd(), s.reads(), false),
          Effect.NONE, Optional.empty());
    }
    if (s.open().isEmpty()) {
      return new Step(new FoldState(reading.seq(), status, Optional.empty(), s.closedEnd(), s.reads(), false),
          Effect.NONE, Optional.empty());
    }
    return close(s, s.open().get(), reading, status);
  }

  private Step close(FoldState s, OpenSession open, OccupancyReading reading, Optional<FoldState.StatusRun> status) {
    OffsetDateTime end = reading.ts();
    boolean gap = open.settledWithGap() || s.afterGap();
    Duration duration = Duration.between(open.start(), end);
    if (duration.compareTo(rules.minimum()) < 0) {
      // flapping: not a session, so it neither takes camera reads nor moves closedEnd
      ClosedSession noise = new ClosedSession(spaceId, open.seq(), open.start(), reading.seq(), end, gap, true,
          Optional.empty(), 0, false);
      return new Step(new FoldState(reading.seq(), status, Optional.empty(), s.closedEnd(), s.reads(), false),
          Effect.CLOSED, Optional.of(noise));
    }
    OffsetDateTime windowStart = open.start().minus(rules.plateLead());
    Optional<PlateCandidate> plate = s.reads().stream()
        .filter(r -> !r.ts().isBefore(windowStart) && !r.ts().isAfter(end))
        .min(PlateCandidate.BEST_FIRST);
    List<PlateCandidate> later = s.reads().stream().filter(r -> r.ts().isAfter(end)).toList();
    boolean heldForReview = duration.compareTo(rules.maxBillable()) > 0;
    long fee = heldForReview ? 0 : rules.fee().fen(open.start().toInstant(), end.toInstant());
    ClosedSession session = new ClosedSession(spaceId, open.seq(), open.start(), reading.seq(), end, gap, false, plate,
        fee, heldForReview);
    return new Step(new FoldState(reading.seq(), status, Optional.empty(), Optional.of(end), later, false),
        Effect.CLOSED, Optional.of(session));
  }

  /** Gives up on readings up to {@code to}: whatever session they touched is marked. */
  public FoldState skip(FoldState s, long to) {
    if (to <= s.applied()) {
      throw new IllegalArgumentException("nothing to skip: " + to + " <= " + s.applied());
    }
    return new FoldState(to, s.status(), s.open().map(OpenSession::withGap), s.closedEnd(), s.reads(), true);
  }

  public SkippedRange skippedRange(FoldState s, long to) {
    Optional<OffsetDateTime> since = s.open().map(OpenSession::start).or(s::lastTs);
    return new SkippedRange(s.applied() + 1, to, s.open().map(OpenSession::seq), since);
  }

  /**
   * A camera read that no closed session can hold (it is after {@code closedEnd}) waits in the state until
   * its session closes.
   */
  public FoldState offer(FoldState s, PlateCandidate read) {
    if (s.closedEnd().isPresent() && !read.ts().isAfter(s.closedEnd().get())) {
      throw new IllegalArgumentException("read at " + read.ts() + " belongs to a closed session");
    }
    if (s.reads().stream().anyMatch(read::sameRead)) {
      return s;
    }
    TreeSet<PlateCandidate> reads = new TreeSet<>(Comparator.comparing((PlateCandidate r) -> r.ts().toInstant())
        .thenComparing(PlateCandidate.BEST_FIRST));
    reads.addAll(s.reads());
    reads.add(read);
    return s.withReads(List.copyOf(reads));
  }

  public SessionRules rules() {
    return rules;
  }

  public String spaceId() {
    return spaceId;
  }
}
