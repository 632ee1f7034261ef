package city.parking.core.session;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Where a space's history stands after folding its readings up to {@code applied} (a contiguous run of seq).
 *
 * @param status the newest applied reading's status and since when it holds
 * @param closedEnd end of the last session closed; a camera read at or before it belongs to a closed session
 * @param reads camera reads after {@code closedEnd}, waiting for their session to close
 * @param afterGap readings were skipped just before the next one: the session it opens or closes is marked
 */
public record FoldState(
    long applied,
    Optional<StatusRun> status,
    Optional<OpenSession> open,
    Optional<OffsetDateTime> closedEnd,
    List<PlateCandidate> reads,
    boolean afterGap) {

  public FoldState {
    reads = List.copyOf(reads);
  }

  /**
   * The status of the newest applied reading, since the first reading of its run (device time; a repeat
   * does not move it), and the newest reading's time.
   */
  public record StatusRun(boolean occupied, OffsetDateTime since, OffsetDateTime lastTs) {
    StatusRun next(boolean nowOccupied, OffsetDateTime ts) {
      return new StatusRun(nowOccupied, nowOccupied == occupied ? since : ts, ts);
    }
  }

  /** A space before its first reading; sensors count seq from 1. */
  public static FoldState initial() {
    return new FoldState(0, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), false);
  }

  public Optional<OffsetDateTime> lastTs() {
    return status.map(StatusRun::lastTs);
  }

  public FoldState withReads(List<PlateCandidate> newReads) {
    return new FoldState(applied, status, open, closedEnd, newReads, afterGap);
  }

  /** The best read so far for the open session: what it shows before it closes. */
  public Optional<PlateCandidate> openPlate(SessionRules rules) {
    return open.flatMap(o -> reads.stream()
        .filter(r -> !r.ts().isBefore(o.start().minus(rules.plateLead())))
        .min(PlateCandidate.BEST_FIRST));
  }
}
