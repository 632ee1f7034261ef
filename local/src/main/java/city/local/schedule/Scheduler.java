package city.local.schedule;

import city.catalog.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EventBridge Scheduler for the twin: each schedule fires its function every period (the first time one
 * period after start, like a rate expression), asynchronously, with {@code {"time": "<ISO-8601>"}}.
 */
public final class Scheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

  /** Runs one scheduled invocation; the twin queues it like any asynchronous Lambda event. */
  @FunctionalInterface
  public interface Target {
    void fire(Schedule schedule, Map<String, Object> event);
  }

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "scheduler");
    thread.setDaemon(true);
    return thread;
  });

  /** @param periods the period of each schedule by name (see {@link SchedulePeriods}) */
  public Scheduler(List<Schedule> schedules, Map<String, Duration> periods, Target target) {
    for (Schedule schedule : schedules) {
      Duration period = periods.getOrDefault(schedule.name(), schedule.period());
      if (period.isZero() || period.isNegative()) {
        throw new IllegalArgumentException("schedule " + schedule.name() + " needs a positive period, not " + period);
      }
      timer.scheduleAtFixedRate(() -> fire(schedule, target), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
      LOG.debug("schedule {} runs {} every {}", schedule.name(), schedule.functionId(), period);
    }
  }

  private static void fire(Schedule schedule, Target target) {
    try {
      target.fire(schedule, Map.of("time", Instant.now().toString()));
    } catch (RuntimeException e) {
      // a failed firing must not cancel the schedule
      LOG.error("schedule {} could not fire", schedule.name(), e);
    }
  }

  /** No schedule fires after this returns. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
