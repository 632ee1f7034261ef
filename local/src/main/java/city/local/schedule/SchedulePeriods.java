package city.local.schedule;

import city.catalog.Schedule;
import city.platform.Config;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The period each schedule runs with in the twin: the declared one, unless the configuration variable the
 * schedule names ({@code periodConfig}) is set, unless the twin was started with an explicit override.
 */
public final class SchedulePeriods {
  private SchedulePeriods() {}

  public static Map<String, Duration> resolve(List<Schedule> schedules, Map<String, Duration> overrides) {
    Map<String, Duration> periods = new LinkedHashMap<>();
    for (Schedule schedule : schedules) {
      Duration period = schedule.periodConfig() == null || schedule.periodConfig().isBlank()
          ? schedule.period()
          : Config.duration(schedule.periodConfig(), schedule.period());
      periods.put(schedule.name(), overrides.getOrDefault(schedule.name(), period));
    }
    return periods;
  }
}
