package city.dispatch.core;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The unit store's conditions in memory: status by device time, claim only when available and free. */
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
        old == null ? null : old.incidentId(), old == null ? null : old.claimId(), old == null ? null : old.claimedAt()));
    return true;
  }

  @Override
  public synchronized boolean claim(String unitId, String incidentId, String claimId, OffsetDateTime at) {
    UnitState old = units.get(unitId);
    if (old == null || !old.dispatchable()) {
      return false;
    }
    units.put(unitId, new UnitState(unitId, old.kind(), old.reported(), old.position(), old.statusTs(), incidentId, claimId, at));
    return true;
  }

  @Override
  public synchronized boolean release(String unitId, String incidentId, String claimId, Optional<UnitStatus> markAs) {
    UnitState old = units.get(unitId);
    if (old == null || !incidentId.equals(old.incidentId()) || !claimId.equals(old.claimId())) {
      return false;
    }
    units.put(unitId, new UnitState(unitId, old.kind(), markAs.orElse(old.reported()), old.position(), old.statusTs(),
        null, null, null));
    return true;
  }
}
