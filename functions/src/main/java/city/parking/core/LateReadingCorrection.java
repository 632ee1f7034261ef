package city.parking.core;

import city.parking.core.session.FoldState;
import city.parking.core.session.OccupancyReading;
import city.parking.core.session.PlateCandidate;
import city.parking.core.session.Session;
import city.parking.core.session.SessionFold;
import city.parking.core.session.SkippedRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A reading that arrives after its gap was given up on. The space's history is folded again from the
 * session that was open at the gap, with every reading known now (sessions hold their opening and closing
 * readings, repeats and waiting readings are kept items). Sessions that come out different are rewritten and
 * say so, sessions that no longer exist are voided, new ones are created: all of it only if none of the
 * sessions it would change is paid. A paid session is never changed; it is told why instead. No transactions,
 * and still nothing half-applied: every stored session the correction rewrites is held first (a held session
 * cannot be paid); if one was paid meanwhile, the holds are let go before anything is written and the next
 * attempt refuses the correction.
 */
public final class LateReadingCorrection {
  private static final int ATTEMPTS = 10;
  /** Sessions before the gap are looked up this many days back (the one that ended last before it). */
  private static final int DAYS_BEFORE = 2;
  /**
   * Outlasts an invocation that dies mid-correction and both of Lambda's retries of it (after 1 and 2 more
   * minutes, 10 s each at most): the retry completes the same correction under the same holds. A hold left by
   * a correction that never completes ends by itself.
   */
  static final Duration HOLD = Duration.ofMinutes(5);

  private final ParkingSettings settings;
  private final SpaceStore spaces;
  private final SessionStore sessions;
  private final PlateReadStore plateReads;
  private final SessionBook book;

  public LateReadingCorrection(ParkingSettings settings, SpaceStore spaces, SessionStore sessions,
      PlateReadStore plateReads, SessionBook book) {
    this.settings = settings;
    this.spaces = spaces;
    this.sessions = sessions;
    this.plateReads = plateReads;
    this.book = book;
  }

  public OccupancyService.Outcome correct(String zone, OccupancyReading late, Instant now) {
    String spaceId = late.spaceId();
    spaces.keepReading(spaceId, new StoredReading(late, now));
    SessionFold fold = new SessionFold(spaceId, settings.rules(zone));
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      SpaceHead head = spaces.head(zone, spaceId).orElseThrow();
      Optional<SkippedRange> range = head.skippedRangeOf(late.seq());
      if (range.isEmpty()) {
        return OccupancyService.Outcome.DUPLICATE;
      }
      long from = range.get().refoldFrom();
      long to = head.fold().applied();
      OffsetDateTime since = range.get().since().orElse(late.ts());
      LocalDate firstDay = earlier(date(since), date(late.ts())).minusDays(DAYS_BEFORE);
      LocalDate lastDay = later(date(head.fold().lastTs().orElse(late.ts())), date(late.ts()));
      List<Session> known = sessions.ofSpace(zone, spaceId, firstDay, lastDay);

      NavigableMap<Long, OccupancyReading> readings = knownReadings(spaceId, head, known, from, to);
      Optional<OffsetDateTime> closedBefore = known.stream()
          .filter(s -> s.closeSeq().isPresent() && s.closeSeq().get() < from && !s.noise() && !s.voided())
          .map(s -> s.end().get())
          .max(Comparator.comparing(OffsetDateTime::toInstant));
      OffsetDateTime firstTs = readings.firstEntry().getValue().ts();
      List<PlateCandidate> reads = plateReads.ofSpace(spaceId, firstTs.minus(settings.plateLead())).stream()
          .map(PlateRead::candidate)
          .filter(r -> closedBefore.map(end -> r.ts().isAfter(end)).orElse(true))
          .sorted(Comparator.comparing(r -> r.ts().toInstant()))
          .toList();
      FoldState start = new FoldState(from - 1, Optional.empty(), Optional.empty(), closedBefore, reads, false);
      SessionFold.Run run = fold.run(start, readings, next -> true);
      if (run.state().applied() != to) {
        throw new IllegalStateException("space " + spaceId + ": readings " + from + ".." + to + " cannot be rebuilt");
      }

      long version = head.version() + 1;
      String note = "corrected by late reading " + late.seq() + " (arrived " + now + ")";
      Map<Long, Session> before = new LinkedHashMap<>();
      known.stream().filter(s -> s.openSeq() >= from && !s.voided()).forEach(s -> before.put(s.openSeq(), s));
      List<Session> writes = new ArrayList<>();
      List<Session> rewritten = new ArrayList<>();
      List<Session> paid = new ArrayList<>();
      for (var closed : run.closed()) {
        Session corrected = book.toSession(closed, zone, version, now);
        Session old = before.remove(closed.openSeq());
        if (old != null && old.sameBill(corrected)) {
          continue;
        }
        if (old != null && old.paid()) {
          paid.add(old);
        } else {
          writes.add(corrected.corrected(note, version));
          if (old != null) {
            rewritten.add(old);
          }
        }
      }
      for (Session gone : before.values()) {
        if (gone.paid()) {
          paid.add(gone);
        } else {
          writes.add(gone.voidedBy("voided by late reading " + late.seq() + " (arrived " + now + ")", version));
          rewritten.add(gone);
        }
      }
      List<SkippedRange> remaining = without(head.skipped(), late.seq());
      if (!paid.isEmpty()) {
        for (Session session : paid) {
          sessions.note(zone, session.id(), "late reading " + late.seq() + " (arrived " + now
              + ") would change this session, but it is paid: not corrected");
        }
        if (spaces.putHead(head.withSkipped(remaining).nextVersion())) {
          return OccupancyService.Outcome.CORRECTION_REFUSED;
        }
        continue;
      }
      if (!holdAll(rewritten, version, now.plus(HOLD))) {
        continue; // paid meanwhile, nothing written: the next attempt refuses
      }
      if (!writes.stream().allMatch(sessions::put)) {
        rewritten.forEach(session -> sessions.release(session, version));
        continue; // a correction from a newer head wrote first: the next attempt folds on top of it
      }
      for (long seq : run.unrecorded()) {
        OccupancyReading reading = readings.get(seq);
        spaces.keepReading(spaceId, new StoredReading(reading, now));
      }
      SpaceHead next = head.withSkipped(remaining).withAllReads(start.reads()).folded(run.state(), List.of(), now)
          .nextVersion();
      if (spaces.putHead(next)) {
        return OccupancyService.Outcome.CORRECTED;
      }
    }
    throw new IllegalStateException("space " + spaceId + " changed under every one of " + ATTEMPTS + " attempts");
  }

  /** Holds every session or none: when one refuses, the holds taken so far are let go. */
  private boolean holdAll(List<Session> rewritten, long version, Instant until) {
    List<Session> held = new ArrayList<>();
    for (Session session : rewritten) {
      if (!sessions.hold(session, version, until)) {
        held.forEach(h -> sessions.release(h, version));
        return false;
      }
      held.add(session);
    }
    return true;
  }

  /** Every applied reading from {@code from} to {@code to}, from where each one left its trace. */
  private NavigableMap<Long, OccupancyReading> knownReadings(String spaceId, SpaceHead head, List<Session> known,
      long from, long to) {
    NavigableMap<Long, OccupancyReading> readings = new TreeMap<>();
    for (Session session : known) {
      if (session.openSeq() >= from) {
        readings.put(session.openSeq(), new OccupancyReading(spaceId, true, session.start(), session.openSeq()));
        session.closeSeq().ifPresent(seq -> readings.put(seq, new OccupancyReading(spaceId, false, session.end().get(), seq)));
      }
    }
    head.fold().open().filter(open -> open.seq() >= from).ifPresent(open ->
        readings.put(open.seq(), new OccupancyReading(spaceId, true, open.start(), open.seq())));
    spaces.readings(spaceId, from, to).forEach(kept -> readings.put(kept.reading().seq(), kept.reading()));
    readings.tailMap(to, false).clear();
    return readings;
  }

  private static List<SkippedRange> without(List<SkippedRange> ranges, long seq) {
    List<SkippedRange> result = new ArrayList<>();
    for (SkippedRange range : ranges) {
      if (!range.contains(seq)) {
        result.add(range);
        continue;
      }
      if (range.from() < seq) {
        result.add(new SkippedRange(range.from(), seq - 1, range.openSeq(), range.since()));
      }
      if (seq < range.to()) {
        result.add(new SkippedRange(seq + 1, range.to(), range.openSeq(), range.since()));
      }
    }
    return result;
  }

  private LocalDate date(OffsetDateTime ts) {
    return ts.atZoneSameInstant(settings.timeZone()).toLocalDate();
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
