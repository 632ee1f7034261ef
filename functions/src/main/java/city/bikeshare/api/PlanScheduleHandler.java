package city.bikeshare.api;

import city.bikeshare.core.service.PlanService;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The planning schedule: a fresh plan every planning period, unless a recent one exists. */
public final class PlanScheduleHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final PlanService plans;

  public PlanScheduleHandler() {
    this(Wiring.planService());
  }

  public PlanScheduleHandler(PlanService plans) {
    this.plans = plans;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Optional<PlanService.Outcome> outcome = plans.planOnSchedule();
    Map<String, Object> result = new LinkedHashMap<>();
    if (outcome.isEmpty()) {
      result.put("status", "skipped: a recent plan exists");
      return result;
    }
    result.put("status", outcome.get().published() ? "published" : "superseded");
    result.put("planId", outcome.get().plan().planId());
    result.put("stationsVisited", outcome.get().plan().summary().stationsVisited());
    result.put("bikesMoved", outcome.get().plan().summary().bikesMoved());
    return result;
  }
}
