package city.bikeshare.core.plan;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A rebalancing plan: the trucks' ordered stops. {@code planId} sorts like {@code createdAt}, which is how
 * trucks and the latest-plan pointer tell a newer plan from an older one.
 *
 * @param routes one per truck that has stops; trucks without stops get an empty task list
 * @param trigger "schedule" or "ops:" and the operator's subject
 */
public record Plan(
    String planId, OffsetDateTime createdAt, String trigger, List<TruckRoute> routes, PlanSummary summary) {

  public Plan {
    routes = List.copyOf(routes);
  }

  public Optional<TruckRoute> route(String truckId) {
    return routes.stream().filter(r -> r.truckId().equals(truckId)).findFirst();
  }
}
