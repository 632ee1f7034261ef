package city.bikeshare.core.store;

import city.bikeshare.core.plan.Plan;
import city.bikeshare.core.plan.PlanStatus;
import city.bikeshare.core.plan.StoredPlan;
import city.bikeshare.core.plan.TruckProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

public final class MemoryPlanStore implements PlanStore {
  public final Map<String, StoredPlan> plans = new LinkedHashMap<>();
  public final Map<String, TruckProgress> progress = new LinkedHashMap<>();
  private final Map<String, Integer> previousCompleted = new LinkedHashMap<>();
  public String pointer;

  @Override
  public void save(Plan plan) {
    if (plans.putIfAbsent(plan.planId(), new StoredPlan(plan, PlanStatus.PUBLISHING, Optional.empty())) != null) {
      throw new IllegalStateException("plan id used twice");
    }
  }

  @Override
  public Promotion promote(String planId) {
    if (pointer != null && pointer.compareTo(planId) >= 0) {
      return new Promotion(false, Optional.empty(), Optional.of(pointer));
    }
    Optional<String> previous = Optional.ofNullable(pointer);
    pointer = planId;
    return new Promotion(true, previous, Optional.of(planId));
  }

  @Override
  public Optional<String> latestPlanId() {
    return Optional.ofNullable(pointer);
  }

  @Override
  public Optional<StoredPlan> plan(String planId) {
    return Optional.ofNullable(plans.get(planId));
  }

  @Override
  public void markActive(String planId, Instant at) {
    StoredPlan stored = plans.get(planId);
    if (stored != null && stored.status() == PlanStatus.PUBLISHING) {
      plans.put(planId, new StoredPlan(stored.plan(), PlanStatus.ACTIVE, Optional.empty()));
    }
  }

  @Override
  public void markSuperseded(String planId, String newerPlanId) {
    StoredPlan stored = plans.get(planId);
    if (stored != null) {
      plans.put(planId, new StoredPlan(stored.plan(), PlanStatus.SUPERSEDED, Optional.of(newerPlanId)));
    }
  }

  @Override
  public OptionalInt recordProgress(TruckProgress report) {
    String key = report.planId() + "#" + report.truckId();
    TruckProgress stored = progress.get(key);
    if (stored != null && !stored.reportedAt().toInstant().isBefore(report.reportedAt().toInstant())) {
      boolean redelivery = stored.reportedAt().toInstant().equals(report.reportedAt().toInstant())
          && stored.completedStops() == report.completedStops();
      return redelivery ? OptionalInt.of(previousCompleted.get(key)) : OptionalInt.empty();
    }
    previousCompleted.put(key, stored == null ? 0 : stored.completedStops());
    progress.put(key, report);
    return OptionalInt.of(previousCompleted.get(key));
  }

  @Override
  public List<TruckProgress> progress(String planId) {
    List<TruckProgress> reports = new ArrayList<>();
    progress.values().stream().filter(p -> p.planId().equals(planId)).forEach(reports::add);
    return reports;
  }
}
