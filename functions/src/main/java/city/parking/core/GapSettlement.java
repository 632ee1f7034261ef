package city.parking.core;

import city.parking.core.session.OccupancyReading;
import city.parking.core.session.SessionFold;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Gives up on missing readings once the reading after them has waited longer than the gap timeout: the
 * fold skips them, marks the sessions they touch as settled with a gap, and goes on with what is known. A
 * gap whose next reading arrived recently keeps waiting.
 */
public final class GapSettlement {
  private static final int ATTEMPTS = 10;

  private final ParkingSettings settings;
  private final SpaceStore spaces;
  private final SessionBook book;
  private final WaitingReads reads;

  public GapSettlement(ParkingSettings settings, SpaceStore spaces, SessionBook book, WaitingReads reads) {
    this.settings = settings;
    this.spaces = spaces;
    this.book = book;
    this.reads = reads;
  }

  /** @return how many spaces had a gap settled */
  public int settle(Instant now) {
    Instant cutoff = now.minus(settings.gapTimeout());
    int settled = 0;
    for (SpaceHead waiting : spaces.waitingSince(cutoff)) {
      if (settle(waiting.zone(), waiting.spaceId(), now, cutoff)) {
        settled++;
      }
    }
    return settled;
  }

  private boolean settle(String zone, String spaceId, Instant now, Instant cutoff) {
    SessionFold fold = new SessionFold(spaceId, settings.rules(zone));
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      SpaceHead head = reads.complete(spaces.head(zone, spaceId).orElseThrow());
      if (!head.hasWaitingReadings()) {
        return false;
      }
      List<StoredReading> kept = spaces.readings(spaceId, head.fold().applied() + 1, head.lastSeq());
      Map<Long, Instant> arrived = kept.stream()
          .collect(Collectors.toMap(r -> r.reading().seq(), StoredReading::arrivedAt));
      NavigableMap<Long, OccupancyReading> readings = new TreeMap<>();
      kept.forEach(r -> readings.put(r.reading().seq(), r.reading()));
      SessionFold.Run run = fold.run(head.fold(), readings, next -> !arrived.get(next).isAfter(cutoff));
      Optional<Instant> stillWaiting = kept.stream()
          .filter(r -> r.reading().seq() > run.state().applied())
          .map(StoredReading::arrivedAt)
          .min(Comparator.naturalOrder());
      SpaceHead next = head.folded(run.state(), run.skipped(), now).waitingSince(stillWaiting).nextVersion();
      book.record(run.closed(), zone, next.version(), now);
      if (spaces.putHead(next)) {
        return !run.skipped().isEmpty();
      }
    }
    throw new IllegalStateException("space " + spaceId + " changed under every one of " + ATTEMPTS + " attempts");
  }
}
