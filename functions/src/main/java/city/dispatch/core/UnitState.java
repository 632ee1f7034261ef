package city.dispatch.core;

import city.platform.GeoPoint;
import java.time.OffsetDateTime;

/**
 * A unit as dispatch sees it: what it last said about itself (status, position, device time) and the
 * incident it holds, if any. Only a unit that says it is available and holds nothing can be claimed.
 *
 * @param statusTs device time of the status message applied last; older ones are ignored
 * @param claimId the claim under which it holds {@code incidentId}; null when it holds nothing
 */
public record UnitState(
    String unitId,
    String kind,
    UnitStatus reported,
    GeoPoint position,
    OffsetDateTime statusTs,
    String incidentId,
    String claimId,
    OffsetDateTime claimedAt) {

  /** A provisioned unit that never reported: offline, at home. */
  public static UnitState neverReported(Unit unit) {
    return new UnitState(unit.unitId(), unit.kind(), UnitStatus.OFFLINE, unit.home(), null, null, null, null);
  }

  public boolean dispatchable() {
    return reported == UnitStatus.AVAILABLE && incidentId == null;
  }

  /** The status ops see: a unit holding an incident is busy whatever it last said. */
  public UnitStatus effectiveStatus() {
    return incidentId != null && reported != UnitStatus.OFFLINE ? UnitStatus.BUSY : reported;
  }
}
