package city.bikeshare.core.demand;

import city.bikeshare.core.BikeshareLayout;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Targets from demand history, by a method an operator can check by hand:
 * <ol>
 *   <li>The expected rider flow of a station in an hour of the week is the weighted mean of the flows
 *       observed in that hour of past weeks (bikes in minus bikes out, truck moves excluded), each week
 *       weighing {@link #WEEKLY_DECAY} times the week after it.</li>
 *   <li>Over the horizon, hour by hour (the current hour only for its remaining part), the expected flows
 *       add up to a running net change. Its lowest point is the bikes the station must hold to never run
 *       empty; its highest point is the free docks it must keep to never run full.</li>
 *   <li>The station is fine anywhere between; the target is the middle of that window. If the window is
 *       empty (more outflow and inflow than docks), the target splits the capacity in proportion.</li>
 *   <li>Without any observation for the horizon's hours, the target is half full.</li>
 * </ol>
 */
public final class TargetEstimator {
  /** Last week counts twice as much as the week before: demand drifts with seasons, timetables and events. */
  public static final double WEEKLY_DECAY = 0.5;
  private static final double EPSILON = 1e-9;

  private final ZoneId zone;
  private final Duration horizon;

  public TargetEstimator(ZoneId zone, Duration horizon) {
    this.zone = zone;
    this.horizon = horizon;
  }

  /** Part of a local clock hour inside the horizon; {@code share} is that part as a fraction of the hour. */
  public record HorizonHour(int hourOfWeek, Instant hourStart, double share) {}

  public List<HorizonHour> horizon(Instant now) {
    Instant end = now.plus(horizon);
    List<HorizonHour> hours = new ArrayList<>();
    Instant hour = HourOfWeek.hourStart(now, zone);
    while (hour.isBefore(end)) {
      Instant next = hour.atZone(zone).plusHours(1).truncatedTo(ChronoUnit.HOURS).toInstant();
      Instant from = hour.isBefore(now) ? now : hour;
      Instant to = next.isAfter(end) ? end : next;
      double share = (double) Duration.between(from, to).toMillis() / Duration.between(hour, next).toMillis();
      hours.add(new HorizonHour(HourOfWeek.of(hour, zone), hour, share));
      hour = next;
    }
    return hours;
  }

  /** @param history the station's buckets for (at least) the hours of the week the horizon touches */
  public Target target(BikeshareLayout.Station station, List<FlowBucket> history, Instant now) {
    Map<Integer, double[]> weighted = new HashMap<>();
    for (FlowBucket bucket : history) {
      boolean complete = !bucket.hourStart().plus(Duration.ofHours(1)).isAfter(now);
      if (!complete || bucket.samples() == 0) {
        continue;
      }
      long weeksAgo = Duration.between(bucket.hourStart(), now).toDays() / 7;
      double weight = Math.pow(WEEKLY_DECAY, weeksAgo);
      double[] sums = weighted.computeIfAbsent(HourOfWeek.of(bucket.hourStart(), zone), h -> new double[2]);
      sums[0] += weight * bucket.riderFlow();
      sums[1] += weight;
    }
    int capacity = station.capacity();
    double running = 0;
    double lowest = 0;
    double highest = 0;
    boolean observed = false;
    for (HorizonHour hour : horizon(now)) {
      double[] sums = weighted.get(hour.hourOfWeek());
      if (sums != null) {
        observed = true;
        running += hour.share() * sums[0] / sums[1];
        lowest = Math.min(lowest, running);
        highest = Math.max(highest, running);
      }
    }
    if (!observed) {
      int half = capacity / 2;
      return new Target(station.stationId(), half, half, half, Target.Basis.HALF_FULL);
    }
    int bikesNeeded = (int) Math.ceil(-lowest - EPSILON);
    int docksNeeded = (int) Math.ceil(highest - EPSILON);
    if (bikesNeeded + docksNeeded <= capacity) {
      int min = bikesNeeded;
      int max = capacity - docksNeeded;
      return new Target(station.stationId(), (min + max + 1) / 2, min, max, Target.Basis.HISTORY);
    }
    int split = (int) Math.round((double) capacity * bikesNeeded / (bikesNeeded + docksNeeded));
    return new Target(station.stationId(), split, split, split, Target.Basis.HISTORY);
  }
}
