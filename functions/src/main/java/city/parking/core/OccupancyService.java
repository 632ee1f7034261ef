package city.parking.core;

import city.parking.core.session.OccupancyReading;
import city.parking.core.session.SessionFold;
import city.platform.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Applies one occupancy reading. The common path (the next seq of the space) costs one strongly consistent
 * read of the head and at most two single-item writes: the session it closes (or the repeat it records) and
 * the head. A reading ahead of a missing one is kept as its own item and waits; the reading that fills the
 * gap folds the waiting ones. Every write is conditional, so concurrent and repeated deliveries converge.
 */
public final class OccupancyService {
  /** Contention on one space is a handful of handlers at most; beyond this something is wrong: retry later. */
  private static final int ATTEMPTS = 25;

  public enum Outcome { APPLIED, WAITING, DUPLICATE, CORRECTED, CORRECTION_REFUSED }

  private final ParkingSettings settings;
  private final SpaceStore spaces;
  private final SessionBook book;
  private final WaitingReads reads;
  private final LateReadingCorrection corrections;
  private final Clock clock;

  public OccupancyService(ParkingSettings settings, SpaceStore spaces, SessionBook book, WaitingReads reads,
      LateReadingCorrection corrections, Clock clock) {
    this.settings = settings;
    this.spaces = spaces;
    this.book = book;
    this.reads = reads;
    this.corrections = corrections;
    this.clock = clock;
  }

  /** Applies the reading in its space's zone; a space of no zone is refused. */
  public Outcome accept(OccupancyReading reading) {
    ParkingLayout.Zone zone = settings.layout().zoneOf(reading.spaceId())
        .orElseThrow(() -> new InvalidInput("space " + reading.spaceId() + " belongs to no zone"));
    return apply(zone.zone(), reading);
  }

  public Outcome apply(String zone, OccupancyReading reading) {
    Instant now = clock.instant();
    String spaceId = reading.spaceId();
    SessionFold fold = new SessionFold(spaceId, settings.rules(zone));
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      SpaceHead head = spaces.head(zone, spaceId).orElse(SpaceHead.empty(zone, spaceId));
      refuseSeqJump(head, reading);
      long applied = head.fold().applied();
      if (reading.seq() <= applied) {
        return head.skippedRangeOf(reading.seq()).isPresent()
            ? corrections.correct(zone, reading, now)
            : Outcome.DUPLICATE;
      }
      if (reading.seq() > applied + 1) {
        spaces.keepReading(spaceId, new StoredReading(reading, now));
        // always a new version, even when nothing else changes: a fold that read the head before the reading
        // was kept then fails its conditional write and looks again, so no kept reading is ever overlooked
        SpaceHead waiting = head.seen(reading).folded(head.fold(), List.of(), now).nextVersion();
        if (spaces.putHead(waiting)) {
          return Outcome.WAITING;
        }
        continue;
      }
      NavigableMap<Long, OccupancyReading> available = new TreeMap<>();
      if (head.lastSeq() > reading.seq()) {
        spaces.readings(spaceId, reading.seq() + 1, head.lastSeq())
            .forEach(kept -> available.put(kept.reading().seq(), kept.reading()));
      }
      available.put(reading.seq(), reading);
      SpaceHead complete = reads.complete(head);
      SessionFold.Run run = fold.run(complete.fold(), available, next -> false);
      SpaceHead next = complete.seen(reading).folded(run.state(), List.of(), now).nextVersion();
      book.record(run.closed(), zone, next.version(), now);
      if (run.unrecorded().contains(reading.seq())) {
        spaces.keepReading(spaceId, new StoredReading(reading, now));
      }
      if (spaces.putHead(next)) {
        return Outcome.APPLIED;
      }
    }
    throw new IllegalStateException("space " + spaceId + " changed under every one of " + ATTEMPTS + " attempts");
  }

  /**
   * A reading far ahead of everything the space has seen would open a gap no reading can ever fill (seq
   * 9223372036854775806 left a space occupied for good): it comes from a broken or replaced sensor, not from
   * lost messages. Refused, so it lands in the dead letters and the space keeps its history.
   */
  private void refuseSeqJump(SpaceHead head, OccupancyReading reading) {
    long jump = reading.seq() - head.lastSeq();
    if (jump > settings.maxSeqJump()) {
      throw new InvalidInput("seq " + reading.seq() + " is " + jump + " past the newest seq " + head.lastSeq()
          + " of space " + reading.spaceId() + "; a jump over parking.maxSeqJump = " + settings.maxSeqJump()
          + " is refused (a replaced sensor continues from the space's nextSeq, see docs/parking.md)");
    }
  }
}
