package city.dispatch.core;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What each unit last said about itself and the incident it holds. A unit that never reported has no item. */
public interface UnitStore {
  /** Strongly consistent; units without an item are absent from the map. */
  Map<String, UnitState> find(Collection<String> unitIds);

  /**
   * Applies a status message unless a message with the same or a later device time was applied already
   * (IoT Core neither deduplicates nor keeps order). Never touches the incident the unit holds.
   *
   * @return false for a duplicate or overtaken message
   */
  boolean applyStatus(UnitStatusReport report, OffsetDateTime receivedAt);

  /**
   * First step of a claim: the unit takes the incident under {@code claimId} only if it says it is available
   * and holds no incident.
   */
  boolean claim(String unitId, String incidentId, String claimId, OffsetDateTime at);

  /**
   * Frees the unit if it still holds {@code incidentId} under {@code claimId}; {@code markAs} overrides what it
   * last said (a unit that let an order time out is offline until it reports again).
   */
  boolean release(String unitId, String incidentId, String claimId, Optional<UnitStatus> markAs);

  /**
   * As {@link #release}, and in the same write the unit is owed a cancel of {@code incidentId}: the incident was
   * taken back while the unit may be on its way, so it stays owed until the unit confirms.
   */
  boolean releaseWithdrawn(String unitId, String incidentId, String claimId, Optional<UnitStatus> markAs);

  /**
   * The unit is owed a cancel of {@code incidentId}, unless it holds that incident right now (a claim of it is
   * under way). Idempotent.
   *
   * @return false when the unit holds the incident: it must not be told to drop it
   */
  boolean oweCancel(String unitId, String incidentId);

  /**
   * The unit confirmed these cancels, or showed it works on another incident: they are owed no more. Idempotent.
   *
   * @return false when none of them was owed
   */
  boolean clearCancels(String unitId, Set<String> incidentIds);
}
