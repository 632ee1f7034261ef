package city.dispatch.core;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures a county's hotline is judged by, computed from the work orders reported in a window: 按时办结率 (on-time
 * closure rate) and 满意率 (satisfaction rate) among them. A reopened work order counts by its first closure (closed
 * late or on time then) and as reopened.
 *
 * @param departments one line per department that received a work order in the window, by id
 */
public record WorkOrderStats(OffsetDateTime from, OffsetDateTime to, Figures total, List<Figures> departments) {
  /** Rated 4 or 5 of 5. */
  public static final int SATISFIED_FROM = 4;

  /**
   * @param department null in the total
   * @param reports every report, duplicates that joined included
   * @param onTimeRate closedOnTime / closed; null when none closed
   * @param medianResolveMinutes from report to first closure; null when none closed
   * @param satisfactionRate satisfied / rated; null when none rated
   * @param channels received, per channel (every channel listed, 0 included)
   */
  public record Figures(String department, int received, int reports, int closed, int closedOnTime, Double onTimeRate,
      int overdueOpen, Double medianResolveMinutes, int rated, int satisfied, Double satisfactionRate, int reopened,
      Map<String, Integer> channels) {}

  /** @param workOrders those reported in [from, to); incidents that are not work orders are left out */
  public static WorkOrderStats of(Collection<Incident> workOrders, OffsetDateTime from, OffsetDateTime to,
      OffsetDateTime now) {
    Map<String, List<Incident>> byDepartment = new TreeMap<>();
    List<Incident> all = new ArrayList<>();
    for (Incident incident : workOrders) {
      if (incident.workOrder() != null) {
        all.add(incident);
        byDepartment.computeIfAbsent(incident.workOrder().department(), d -> new ArrayList<>()).add(incident);
      }
    }
    List<Figures> lines = new ArrayList<>();
    byDepartment.forEach((department, orders) -> lines.add(figures(department, orders, now)));
    return new WorkOrderStats(from, to, figures(null, all, now), lines);
  }

  static Figures figures(String department, List<Incident> orders, OffsetDateTime now) {
    int reports = 0;
    int closed = 0;
    int onTime = 0;
    int overdueOpen = 0;
    int rated = 0;
    int satisfied = 0;
    int reopened = 0;
    List<Long> resolveMillis = new ArrayList<>();
    Map<String, Integer> channels = new LinkedHashMap<>();
    for (Channel channel : Channel.values()) {
      channels.put(channel.wireName(), 0);
    }
    for (Incident incident : orders) {
      WorkOrder order = incident.workOrder();
      reports += order.reportCount();
      channels.merge(order.channel().wireName(), 1, Integer::sum);
      if (order.firstClosedAt() != null) {
        closed++;
        onTime += Boolean.TRUE.equals(order.closedOnTime()) ? 1 : 0;
        resolveMillis.add(Duration.between(incident.report().reportedAt(), order.firstClosedAt()).toMillis());
      }
      if (incident.status().active() && (order.overdue() || Supervision.levelDue(order, now) > 0)) {
        overdueOpen++;
      }
      if (order.rating() != null) {
        rated++;
        satisfied += order.rating() >= SATISFIED_FROM ? 1 : 0;
      }
      reopened += order.reopenCount() > 0 ? 1 : 0;
    }
    return new Figures(department, orders.size(), reports, closed, onTime, rate(onTime, closed), overdueOpen,
        medianMinutes(resolveMillis), rated, satisfied, rate(satisfied, rated), reopened, channels);
  }

  private static Double rate(int part, int whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  private static Double medianMinutes(List<Long> millis) {
    if (millis.isEmpty()) {
      return null;
    }
    List<Long> sorted = millis.stream().sorted().toList();
    int middle = sorted.size() / 2;
    double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    return median / 60_000.0;
  }
}
