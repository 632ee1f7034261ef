package city.dispatch.core;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Response times per priority of the incidents reported in a window: report -> dispatch (first order sent),
 * dispatch -> accept (including any escalation), accept -> arrive. The three add up to report -> arrive.
 */
public record DispatchStatistics(OffsetDateTime from, OffsetDateTime to, List<PriorityFigures> priorities) {

  /**
   * @param open incidents not yet closed (queued, assigned, accepted or on scene)
   */
  public record PriorityFigures(
      int priority,
      int incidents,
      int queued,
      int open,
      int closed,
      int escalations,
      ResponseTimes reportToDispatch,
      ResponseTimes dispatchToAccept,
      ResponseTimes acceptToArrive) {}

  public static DispatchStatistics of(List<Incident> incidents, OffsetDateTime from, OffsetDateTime to) {
    Map<Integer, List<Incident>> byPriority = new TreeMap<>();
    for (Incident incident : incidents) {
      byPriority.computeIfAbsent(incident.priority(), p -> new ArrayList<>()).add(incident);
    }
    List<PriorityFigures> figures = new ArrayList<>();
    byPriority.forEach((priority, group) -> figures.add(new PriorityFigures(
        priority,
        group.size(),
        (int) group.stream().filter(i -> i.status() == IncidentStatus.QUEUED).count(),
        (int) group.stream().filter(i -> i.status().active()).count(),
        (int) group.stream().filter(i -> !i.status().active()).count(),
        group.stream().mapToInt(Incident::escalations).sum(),
        interval(group, i -> i.report().reportedAt(), i -> i.milestones().dispatchedAt()),
        interval(group, i -> i.milestones().dispatchedAt(), i -> i.milestones().acceptedAt()),
        interval(group, i -> i.milestones().acceptedAt(), i -> i.milestones().arrivedAt()))));
    return new DispatchStatistics(from, to, figures);
  }

  private static ResponseTimes interval(List<Incident> group, Function<Incident, OffsetDateTime> start,
      Function<Incident, OffsetDateTime> end) {
    List<Double> seconds = new ArrayList<>();
    for (Incident incident : group) {
      OffsetDateTime s = start.apply(incident);
      OffsetDateTime e = end.apply(incident);
      if (s != null && e != null) {
        seconds.add(Duration.between(s, e).toNanos() / 1e9);
      }
    }
    return ResponseTimes.of(seconds);
  }
}
