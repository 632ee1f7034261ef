package city.bikeshare.core.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A plan as ops see it: the routes, what they achieve, where it is in its life and how far the trucks got. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanView(
    String planId,
    OffsetDateTime createdAt,
    PlanStatus status,
    String supersededBy,
    String trigger,
    List<TruckRoute> routes,
    PlanSummary summary,
    Progress progress) {

  public record Progress(int completedStops, int totalStops, List<TruckProgressView> trucks) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TruckProgressView(
      String truckId, int completedStops, int totalStops, Integer load, Double lat, Double lon, OffsetDateTime reportedAt) {}

  public static PlanView of(StoredPlan stored, List<TruckProgress> reports) {
    Plan plan = stored.plan();
    Map<String, TruckProgress> byTruck = reports.stream()
        .collect(Collectors.toMap(TruckProgress::truckId, Function.identity(), (a, b) -> a));
    List<TruckProgressView> trucks = new ArrayList<>();
    int completed = 0;
    int total = 0;
    for (TruckRoute route : plan.routes()) {
      int stops = route.stops().size();
      TruckProgress report = byTruck.get(route.truckId());
      int done = report == null ? 0 : Math.min(report.completedStops(), stops);
      completed += done;
      total += stops;
      trucks.add(report == null
          ? new TruckProgressView(route.truckId(), 0, stops, null, null, null, null)
          : new TruckProgressView(route.truckId(), done, stops, report.load(), report.position().lat(),
              report.position().lon(), report.reportedAt()));
    }
    return new PlanView(plan.planId(), plan.createdAt(), stored.status(), stored.supersededBy().orElse(null),
        plan.trigger(), plan.routes(), plan.summary(), new Progress(completed, total, trucks));
  }
}
