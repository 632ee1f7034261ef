package city.dispatch.core;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The unit store's conditions in memory: status by device time, claim only when available and free, a cancel
 * owed only while the unit does not hold that incident.
 */
public final class MemoryUnitStore implements UnitStore {
  final Map<String, UnitState> units = new ConcurrentHashMap<>();

  @Override
  public Map<String, UnitState> find(Collection<String> unitIds) {
    Map<String, UnitState> found = new HashMap<>();
    unitIds.forEach(id -> Optional.ofNullable(units.get(id)).ifPresent(u -> found.put(id, u)));
    return found;
  }

  @Override
  public synchronized boolean applyStatus(UnitStatusReport report, OffsetDateTime receivedAt) {
    UnitState old = units.get(report.unitId());
    if (old != null && old.statusTs() != null && !old.statusTs().toInstant().isBefore(report.ts().toInstant())) {
      return false;
    }
    units.put(report.unitId(), new UnitState(report.unitId(), report.kind(), report.status(),
        report.position() != null ? report.position() : old == null ? null : old.position(), report.ts(),
        old == null ? null : old.incidentId(), old == null ? null : old.claimId(), old == null ? null : old.claimedAt(),
        old == null ? Set.of() : old.pendingCancels()));
    return true;
  }

  @Override
  public synchronized boolean claim(String unitId, String incidentId, String claimId, OffsetDateTime at) {
    UnitState old = units.get(unitId);
    if (old == null || !old.dispatchable()) {
      return false;
    }
    units.put(unitId, new UnitState(unitId, old.kind(), old.reported(), old.position(), old.statusTs(), incidentId,
        claimId, at, old.pendingCancels()));
    return true;
  }

  @Override
  public boolean release(String unitId, String incidentId, String claimId, Optional<UnitStatus> markAs) {
    return freeing(unitId, incidentId, claimId, markAs, false);
  }

  @Override
  public boolean releaseWithdrawn(String unitId, String incidentId, String claimId, Optional<UnitStatus> markAs) {
    return freeing(unitId, incidentId, claimId, markAs, true);
  }

  @Override
  public synchronized boolean oweCancel(String unitId, String incidentId) {
    UnitState old = units.get(unitId);
    if (old != null && incidentId.equals(old.incidentId())) {
      return false;
    }
    units.put(unitId, old == null
        ? new UnitState(unitId, null, UnitStatus.OFFLINE, null, null, null, null, null, Set.of(incidentId))
        : with(old, old.reported(), old.incidentId(), old.claimId(), old.claimedAt(), added(old, incidentId)));
    return true;
  }

  @Override
  public synchronized boolean clearCancels(String unitId, Set<String> incidentIds) {
    UnitState old = units.get(unitId);
    if (old == null || incidentIds.stream().noneMatch(old.pendingCancels()::contains)) {
      return false;
    }
    Set<String> left = new TreeSet<>(old.pendingCancels());
    left.removeAll(incidentIds);
    units.put(unitId, with(old, old.reported(), old.incidentId(), old.claimId(), old.claimedAt(), left));
    return true;
  }

  private synchronized boolean freeing(String unitId, String incidentId, String claimId, Optional<UnitStatus> markAs,
      boolean owesCancel) {
    UnitState old = units.get(unitId);
    if (old == null || !incidentId.equals(old.incidentId()) || !claimId.equals(old.claimId())) {
      return false;
    }
    units.put(unitId, with(old, markAs.orElse(old.reported()), null, null, null,
        owesCancel ? added(old, incidentId) : old.pendingCancels()));
    return true;
  }

  private static Set<String> added(UnitState old, String incidentId) {
    Set<String> owed = new TreeSet<>(old.pendingCancels());
    owed.add(incidentId);
    return owed;
  }

  private static UnitState with(UnitState old, UnitStatus reported, String incidentId, String claimId,
      OffsetDateTime claimedAt, Set<String> pendingCancels) {
    return new UnitState(old.unitId(), old.kind(), reported, old.position(), old.statusTs(), incidentId, claimId,
        claimedAt, pendingCancels);
  }
}
