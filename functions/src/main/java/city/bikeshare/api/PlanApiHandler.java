package city.bikeshare.api;

import city.bikeshare.core.service.PlanService;
import city.platform.Endpoint;
import city.platform.HttpApiHandler;
import city.platform.HttpError;
import city.platform.HttpResponse;
import java.util.List;

/**
 * Ops: make a plan now ({@code POST /ops/bikeshare/plans}) and see the latest plan with the trucks' progress
 * ({@code GET /ops/bikeshare/plans/latest}).
 */
public final class PlanApiHandler extends HttpApiHandler {
  public PlanApiHandler() {
    this(Wiring.planService());
  }

  public PlanApiHandler(PlanService plans) {
    super(List.of(
        new Endpoint("POST /ops/bikeshare/plans", request -> {
          PlanService.Outcome outcome = plans.plan("ops:" + request.requireCaller().subject());
          if (!outcome.published()) {
            throw HttpError.conflict("a newer plan " + outcome.newerPlanId().orElseThrow()
                + " was made meanwhile; plan " + outcome.plan().planId() + " is kept as superseded");
          }
          return HttpResponse.created(outcome.plan());
        }),
        new Endpoint("GET /ops/bikeshare/plans/latest", request -> HttpResponse.ok(
            plans.latest().orElseThrow(() -> HttpError.notFound("no plan has been made yet"))))));
  }
}
