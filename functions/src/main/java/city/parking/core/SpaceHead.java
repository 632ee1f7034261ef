package city.parking.core;

import city.parking.core.session.FoldState;
import city.parking.core.session.OccupancyReading;
import city.parking.core.session.PlateCandidate;
import city.parking.core.session.SkippedRange;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything one space keeps in one item: its public status (FIWARE status of the newest reading and since
 * when), how far its readings are folded into sessions, the open session, camera reads waiting for their
 * session, gaps given up on, and the overstay alert already sent. Every change is a write of the whole
 * item conditional on {@code version}, so concurrent handlers never lose each other's changes.
 *
 * @param lastSeq newest seq seen; above {@code fold.applied()} readings wait for a missing one
 * @param gapSince when the space started waiting for a missing reading (arrival time, not device time)
 * @param alertedSeq the open session whose overstay was already published (0: none)
 * @param readsOverflow more reads wait than the head keeps: the next fold reloads them from their items
 */
public record SpaceHead(
    String zone,
    String spaceId,
    SpaceStatus status,
    Optional<OffsetDateTime> since,
    long lastSeq,
    FoldState fold,
    List<SkippedRange> skipped,
    Optional<Instant> gapSince,
    long alertedSeq,
    boolean readsOverflow,
    long version) {

  /**
   * Keeps the item within one write unit (1 KB). More reads wait only when occupancy messages lag far behind
   * the camera's; every read is also its own item, and the fold then reloads them ({@code readsOverflow}).
   */
  public static final int MAX_WAITING_READS = 6;
  /** Older gaps can no longer be corrected by a late reading; it is kept, the bills stay as settled. */
  public static final int MAX_SKIPPED_RANGES = 6;

  public SpaceHead {
    skipped = List.copyOf(skipped);
  }

  public static SpaceHead empty(String zone, String spaceId) {
    return new SpaceHead(zone, spaceId, SpaceStatus.UNKNOWN, Optional.empty(), 0, FoldState.initial(), List.of(),
        Optional.empty(), 0, false, 0);
  }

  public boolean hasWaitingReadings() {
    return lastSeq > fold.applied();
  }

  /**
   * The public status follows the newest reading by seq. While readings wait for a missing one, its "since"
   * is that reading's time if the status changed; once the fold has every reading, both come from the fold
   * (the first reading of the current run), whatever the arrival order was.
   */
  public SpaceHead seen(OccupancyReading reading) {
    if (reading.seq() <= lastSeq) {
      return this;
    }
    SpaceStatus next = SpaceStatus.of(reading.occupied());
    Optional<OffsetDateTime> nextSince = next == status ? since : Optional.of(reading.ts());
    return new SpaceHead(zone, spaceId, next, nextSince, reading.seq(), fold, skipped, gapSince, alertedSeq,
        readsOverflow, version);
  }

  /** A new fold state; the wait for a missing reading starts now, or ends when nothing waits any more. */
  public SpaceHead folded(FoldState next, List<SkippedRange> newlySkipped, Instant now) {
    List<SkippedRange> ranges = new ArrayList<>(skipped);
    ranges.addAll(newlySkipped);
    ranges.sort(Comparator.comparingLong(SkippedRange::from));
    while (ranges.size() > MAX_SKIPPED_RANGES) {
      ranges.remove(0);
    }
    FoldState kept = capReads(next);
    boolean overflow = readsOverflow || next.reads().size() > MAX_WAITING_READS;
    boolean complete = lastSeq <= next.applied();
    Optional<Instant> waiting = complete ? Optional.empty() : gapSince.or(() -> Optional.of(now));
    SpaceStatus nextStatus = status;
    Optional<OffsetDateTime> nextSince = since;
    if (complete && next.status().isPresent()) {
      nextStatus = SpaceStatus.of(next.status().get().occupied());
      nextSince = Optional.of(next.status().get().since());
    }
    return new SpaceHead(zone, spaceId, nextStatus, nextSince, lastSeq, kept, ranges, waiting, alertedSeq, overflow,
        version);
  }

  public SpaceHead waitingSince(Optional<Instant> at) {
    return new SpaceHead(zone, spaceId, status, since, lastSeq, fold, skipped, at, alertedSeq, readsOverflow, version);
  }

  public SpaceHead withSkipped(List<SkippedRange> ranges) {
    return new SpaceHead(zone, spaceId, status, since, lastSeq, fold, ranges, gapSince, alertedSeq, readsOverflow,
        version);
  }

  /** Every read after the last closed session, loaded from the read items: the fold sees all of them. */
  public SpaceHead withAllReads(List<PlateCandidate> reads) {
    return new SpaceHead(zone, spaceId, status, since, lastSeq, fold.withReads(reads), skipped, gapSince, alertedSeq,
        false, version);
  }

  public SpaceHead alerted(long seq) {
    return new SpaceHead(zone, spaceId, status, since, lastSeq, fold, skipped, gapSince, seq, readsOverflow, version);
  }

  /** The next version of this head, as written by a conditional put on {@code version}. */
  public SpaceHead nextVersion() {
    return new SpaceHead(zone, spaceId, status, since, lastSeq, fold, skipped, gapSince, alertedSeq, readsOverflow,
        version + 1);
  }

  public Optional<SkippedRange> skippedRangeOf(long seq) {
    return skipped.stream().filter(r -> r.contains(seq)).findFirst();
  }

  /** Newest reads are kept: the oldest are the likeliest to belong to no session. */
  private static FoldState capReads(FoldState state) {
    if (state.reads().size() <= MAX_WAITING_READS) {
      return state;
    }
    List<PlateCandidate> reads = state.reads().subList(state.reads().size() - MAX_WAITING_READS, state.reads().size());
    return state.withReads(reads);
  }

  public SpaceState state() {
    return new SpaceState(spaceId, status, since.orElse(null), lastSeq);
  }
}
