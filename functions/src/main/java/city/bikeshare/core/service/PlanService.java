package city.bikeshare.core.service;

import city.bikeshare.core.BikeshareLayout;
import city.bikeshare.core.StationState;
import city.bikeshare.core.closure.StationClosure;
import city.bikeshare.core.demand.FlowBucket;
import city.bikeshare.core.demand.Target;
import city.bikeshare.core.demand.TargetEstimator;
import city.bikeshare.core.plan.Plan;
import city.bikeshare.core.plan.PlanBuilder;
import city.bikeshare.core.plan.PlanIds;
import city.bikeshare.core.plan.PlanStatus;
import city.bikeshare.core.plan.PlanView;
import city.bikeshare.core.plan.Stop;
import city.bikeshare.core.plan.StoredPlan;
import city.bikeshare.core.plan.TaskMessage;
import city.bikeshare.core.plan.TruckRoute;
import city.bikeshare.core.store.PlanStore;
import city.bikeshare.core.store.StationClosures;
import city.bikeshare.core.store.StationStore;
import city.bikeshare.core.store.TruckStore;
import city.platform.DevicePublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes plans and hands them to the trucks. A new plan supersedes the latest one without a truck ever being
 * left with two lists to choose from:
 * <ol>
 *   <li>the plan is stored, then the latest-plan pointer is moved to it by one conditional write that only
 *       succeeds for a plan id greater than the one it points at (ids sort by creation time);</li>
 *   <li>only after that write succeeded, and only while the pointer still names this plan, is every truck
 *       of the fleet sent its list, an empty one if it has no stops (so it stops working on the old one);</li>
 *   <li>the plan that was latest before is marked superseded; a plan that loses the pointer race is marked
 *       superseded without ever being published.</li>
 * </ol>
 * Task messages carry the plan id and trucks keep the greatest they have seen, so even two planners that
 * publish at the same time cannot make a truck go back to an older list.
 */
public final class PlanService {
  private static final int MAX_SUPERSEDE_ATTEMPTS = 3;
  private final BikeshareLayout layout;
  private final StationStore stations;
  private final TruckStore trucks;
  private final PlanStore plans;
  private final StationClosures closures;
  private final DevicePublisher publisher;
  private final Clock clock;
  private final PlanIds ids;
  private final PlanBuilder builder;
  private final TargetEstimator estimator;

  public PlanService(BikeshareLayout layout, StationStore stations, TruckStore trucks, PlanStore plans,
      StationClosures closures, DevicePublisher publisher, Clock clock, PlanIds ids) {
    this.layout = layout;
    this.stations = stations;
    this.trucks = trucks;
    this.plans = plans;
    this.closures = closures;
    this.publisher = publisher;
    this.clock = clock;
    this.ids = ids;
    this.builder = new PlanBuilder(layout);
    this.estimator = new TargetEstimator(layout.timeZone(), layout.planning().horizon());
  }

  /** @param newerPlanId set when another planner's newer plan won the pointer: this one was not published */
  public record Outcome(PlanView plan, Optional<String> newerPlanId) {
    public boolean published() {
      return newerPlanId.isEmpty();
    }
  }

  /** A plan of the stations that report and that no incident closes: a closed station is neither visited nor counted. */
  public Outcome plan(String trigger) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    OffsetDateTime createdAt = OffsetDateTime.ofInstant(now, layout.timeZone());
    Set<String> closed = closedStations();
    List<StationState> states = stations.latest().stream()
        .filter(s -> layout.station(s.stationId()).isPresent() && !closed.contains(s.stationId()))
        .toList();
    Plan plan = builder.build(ids.next(now), createdAt, trigger, states, targets(states, now), trucks.all());
    plans.save(plan);
    return publish(plan);
  }

  /**
   * Supersedes the latest plan when it still sends a truck to a station an incident closes (a stop the truck has
   * not reported done): a new plan, made as any other, without the closed stations. Idempotent: once the latest plan
   * avoids them, nothing is done; a retry that finds this trigger's own plan still publishing (the first attempt
   * stopped part way) publishes it again, which trucks ignore if they have it.
   *
   * @return the new plan, if one was needed
   */
  public Optional<Outcome> avoidClosedStations(String trigger) {
    for (int attempt = 0; attempt < MAX_SUPERSEDE_ATTEMPTS; attempt++) {
      Optional<StoredPlan> latest = plans.latestPlanId().flatMap(plans::plan);
      if (latest.isEmpty()) {
        return Optional.empty();
      }
      StoredPlan current = latest.get();
      if (current.status() == PlanStatus.PUBLISHING && current.plan().trigger().equals(trigger)) {
        return Optional.of(publish(current.plan()));
      }
      if (!visitsAnyOf(current.plan(), closedStations())) {
        return Optional.empty();
      }
      Outcome outcome = plan(trigger);
      if (outcome.published()) {
        return Optional.of(outcome);
      }
      // a concurrent planner's newer plan won: it may have been built before the closure, so look at it again
    }
    throw new IllegalStateException("the latest plan still visits a closed station after " + MAX_SUPERSEDE_ATTEMPTS
        + " newer plans: giving up this invocation, its retry looks again");
  }

  /** A stop not yet reported done by its truck at one of the stations. */
  boolean visitsAnyOf(Plan plan, Set<String> stationIds) {
    Map<String, Integer> done = new HashMap<>();
    plans.progress(plan.planId()).forEach(p -> done.put(p.truckId(), p.completedStops()));
    for (TruckRoute route : plan.routes()) {
      List<Stop> stops = route.stops();
      for (int i = Math.min(done.getOrDefault(route.truckId(), 0), stops.size()); i < stops.size(); i++) {
        if (stationIds.contains(stops.get(i).stationId())) {
          return true;
        }
      }
    }
    return false;
  }

  private Set<String> closedStations() {
    return closures.active().stream().map(StationClosure::stationId).collect(Collectors.toSet());
  }

  private Outcome publish(Plan plan) {
    PlanStore.Promotion promotion = plans.promote(plan.planId());
    boolean alreadyLatest = promotion.current().equals(Optional.of(plan.planId()));
    if (!promotion.promoted() && !alreadyLatest) {
      return lost(plan, promotion.current().orElseThrow());
    }
    promotion.previous().ifPresent(previous -> plans.markSuperseded(previous, plan.planId()));
    Optional<String> latest = plans.latestPlanId();
    if (!latest.equals(Optional.of(plan.planId()))) {
      return lost(plan, latest.orElseThrow());
    }
    for (BikeshareLayout.Truck truck : layout.trucks()) {
      Optional<TruckRoute> route = plan.route(truck.truckId());
      publisher.publish(TaskMessage.topic(truck.truckId()), new TaskMessage(plan.planId(), truck.truckId(),
          plan.createdAt(), route.map(TruckRoute::stops).orElse(List.of()), route.map(TruckRoute::trips).orElse(List.of())));
    }
    plans.markActive(plan.planId(), clock.instant());
    return new Outcome(PlanView.of(new StoredPlan(plan, PlanStatus.ACTIVE, Optional.empty()), List.of()), Optional.empty());
  }

  /**
   * The schedule's entry: plans unless a plan younger than half the planning period exists, for example one
   * an operator asked for a few minutes ago. A recent plan still publishing (an attempt that stopped part way, whose
   * retry this is) is published again, so the trucks it had not reached yet are told; the others ignore a repeat.
   */
  public Optional<Outcome> planOnSchedule() {
    Instant now = clock.instant();
    Duration minimumAge = layout.planning().every().dividedBy(2);
    Optional<StoredPlan> latest = plans.latestPlanId().flatMap(plans::plan);
    if (latest.isPresent() && latest.get().plan().createdAt().toInstant().plus(minimumAge).isAfter(now)) {
      return latest.get().status() == PlanStatus.PUBLISHING ? Optional.of(publish(latest.get().plan())) : Optional.empty();
    }
    return Optional.of(plan("schedule"));
  }

  public Optional<PlanView> latest() {
    return plans.latestPlanId()
        .flatMap(plans::plan)
        .map(stored -> PlanView.of(stored, plans.progress(stored.plan().planId())));
  }

  /** Targets of the reporting stations from the history of the hours of the week the horizon touches. */
  Map<String, Target> targets(List<StationState> states, Instant now) {
    Set<Integer> hours = new LinkedHashSet<>();
    estimator.horizon(now).forEach(h -> hours.add(h.hourOfWeek()));
    Map<String, List<FlowBucket>> history = new HashMap<>();
    for (int hour : hours) {
      for (FlowBucket bucket : stations.flowHistory(hour)) {
        history.computeIfAbsent(bucket.stationId(), id -> new ArrayList<>()).add(bucket);
      }
    }
    Map<String, Target> targets = new HashMap<>();
    for (StationState state : states) {
      layout.station(state.stationId()).ifPresent(station -> targets.put(station.stationId(),
          estimator.target(station, history.getOrDefault(station.stationId(), List.of()), now)));
    }
    return targets;
  }

  private Outcome lost(Plan plan, String newerPlanId) {
    plans.markSuperseded(plan.planId(), newerPlanId);
    return new Outcome(PlanView.of(new StoredPlan(plan, PlanStatus.SUPERSEDED, Optional.of(newerPlanId)), List.of()),
        Optional.of(newerPlanId));
  }
}
