package city.dispatch.api;

import city.dispatch.DispatchModule;
import city.dispatch.core.DispatchQueries;
import city.dispatch.core.IncidentStatus;
import city.platform.City;
import city.platform.SnapshotPart;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * Dispatch's share of the city snapshot: the open incidents (as GET /ops/incidents lists them) and every unit. The
 * reporters' contacts live in another table, which the snapshot is not granted.
 */
public final class DispatchSnapshot implements SnapshotPart {
  private static final EnumSet<IncidentStatus> OPEN = EnumSet.range(IncidentStatus.AWAITING_CONFIRMATION, IncidentStatus.ON_SCENE);

  record Desk(List<DispatchOpsHandler.IncidentSummary> incidents, List<DispatchOpsHandler.UnitView> units) {}

  @Override
  public String name() {
    return "dispatch";
  }

  @Override
  public List<String> tables() {
    return List.of(DispatchModule.TABLE);
  }

  @Override
  public Supplier<Object> open(City city) {
    DispatchQueries queries = Wiring.queriesFromEnvironment(city);
    return () -> new Desk(
        queries.incidents(OPEN, DispatchQueries.DEFAULT_CLOSED_DAYS).stream().map(DispatchOpsHandler.IncidentSummary::of).toList(),
        DispatchOpsHandler.units(queries));
  }
}
