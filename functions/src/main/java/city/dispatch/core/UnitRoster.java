package city.dispatch.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The provisioned units (city file) joined with what each last said and holds (store). */
public final class UnitRoster {
  private final UnitStore units;

  public UnitRoster(UnitStore units) {
    this.units = units;
  }

  /** In the order given; a unit that never reported is offline at its home, one that sent no position is at home. */
  public List<UnitState> states(List<Unit> fleet) {
    Map<String, UnitState> stored = units.find(fleet.stream().map(Unit::unitId).toList());
    List<UnitState> states = new ArrayList<>();
    for (Unit unit : fleet) {
      UnitState state = stored.get(unit.unitId());
      if (state == null) {
        states.add(UnitState.neverReported(unit));
      } else {
        states.add(new UnitState(unit.unitId(), unit.kind(), state.reported(),
            state.position() == null ? unit.home() : state.position(), state.statusTs(), state.incidentId(),
            state.claimId(), state.claimedAt(), state.pendingCancels()));
      }
    }
    return states;
  }
}
