package city.dispatch.core;

import city.platform.GeoPoint;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;

/**
 * A unit as dispatch sees it: what it last said about itself (status, position, device time), the incident it
 * holds, if any, and the withdrawals it has not yet confirmed. Only a unit that says it is available and holds
 * nothing can be claimed.
 *
 * @param statusTs device time of the status message applied last; older ones are ignored
 * @param claimId the claim under which it holds {@code incidentId}; null when it holds nothing
 * @param pendingCancels incidents taken back from this unit whose cancel it has not acknowledged (and that it
 *     has not left for another incident): the sweep re-sends their cancel until it does
 */
public record UnitState(
    String unitId,
    String kind,
    UnitStatus reported,
    GeoPoint position,
    OffsetDateTime statusTs,
    String incidentId,
    String claimId,
    OffsetDateTime claimedAt,
    Set<String> pendingCancels) {

  public UnitState {
    pendingCancels = Set.copyOf(pendingCancels == null ? Set.of() : pendingCancels);
  }

  /** A provisioned unit that never reported: offline, at home. */
  public static UnitState neverReported(Unit unit) {
    return new UnitState(unit.unitId(), unit.kind(), UnitStatus.OFFLINE, unit.home(), null, null, null, null, Set.of());
  }

  public boolean dispatchable() {
    return reported == UnitStatus.AVAILABLE && incidentId == null;
  }

  /** The status ops see: a unit holding an incident is busy whatever it last said. */
  public UnitStatus effectiveStatus() {
    return incidentId != null && reported != UnitStatus.OFFLINE ? UnitStatus.BUSY : reported;
  }

  /**
   * The cancels this unit is still owed, sorted. Never the incident it holds now: a unit given the same
   * incident again (every unit of the kind timed out on it) must not be told to drop it.
   */
  public Set<String> cancelsOwed() {
    Set<String> owed = new TreeSet<>(pendingCancels);
    if (incidentId != null) {
      owed.remove(incidentId);
    }
    return owed;
  }
}
