package city.parking.core;

import city.parking.core.session.PlateCandidate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * Before a fold closes sessions, makes sure it sees every waiting camera read: when more waited than the head
 * keeps, they are reloaded from their items (one query, only then).
 */
public final class WaitingReads {
  private final PlateReadStore plateReads;

  public WaitingReads(PlateReadStore plateReads) {
    this.plateReads = plateReads;
  }

  public SpaceHead complete(SpaceHead head) {
    if (!head.readsOverflow()) {
      return head;
    }
    OffsetDateTime from = head.fold().closedEnd().orElse(Instant.EPOCH.atOffset(ZoneOffset.UTC));
    List<PlateCandidate> reads = plateReads.ofSpace(head.spaceId(), from).stream()
        .map(PlateRead::candidate)
        .filter(read -> head.fold().closedEnd().map(end -> read.ts().isAfter(end)).orElse(true))
        .sorted(Comparator.comparing((PlateCandidate read) -> read.ts().toInstant()).thenComparing(PlateCandidate.BEST_FIRST))
        .toList();
    return head.withAllReads(reads);
  }
}
