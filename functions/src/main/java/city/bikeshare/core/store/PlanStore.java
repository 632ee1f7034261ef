package city.bikeshare.core.store;

import city.bikeshare.core.plan.Plan;
import city.bikeshare.core.plan.StoredPlan;
import city.bikeshare.core.plan.TruckProgress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Plans, the pointer to the latest one, and the trucks' progress on them. */
public interface PlanStore {
  /** Stores a new plan as publishing; a plan id is written once. */
  void save(Plan plan);

  /**
   * Points "latest" at this plan if it is newer (by plan id) than the one pointed at, in one conditional
   * write; this is the one place where concurrent planners are ordered.
   */
  Promotion promote(String planId);

  /** @param previous the plan that was latest before; {@code current} the one that is latest now */
  record Promotion(boolean promoted, Optional<String> previous, Optional<String> current) {}

  Optional<String> latestPlanId();

  Optional<StoredPlan> plan(String planId);

  /** Publishing finished; has no effect on a plan that was superseded meanwhile. */
  void markActive(String planId, Instant at);

  void markSuperseded(String planId, String newerPlanId);

  /**
   * Keeps the report if it is newer than the stored one for this plan and truck.
   *
   * @return the completed stops count stored before (0 for the first report); empty for an older report
   */
  OptionalInt recordProgress(TruckProgress progress);

  List<TruckProgress> progress(String planId);
}
