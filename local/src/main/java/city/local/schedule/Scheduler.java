package city.local.schedule;

import city.catalog.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EventBridge Scheduler for the twin: each schedule fires its function every period (the first time one
 * period after start, like a rate expression), asynchronously, with {@code {"time": "<ISO-8601>"}}: the wall clock's
 * time, or the schedule's own clock where one is given (the demo runs a schedule on its simulated clock).
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

  /** Every schedule on the wall clock. */
  public Scheduler(List<Schedule> schedules, Map<String, Duration> periods, Target target) {
    this(schedules, periods, Map.of(), target);
  }

  /**
   * @param periods the period of each schedule by name (see {@link SchedulePeriods})
   * @param clocks the time a schedule's events carry, by schedule name; the wall clock for the others
   */
  public Scheduler(List<Schedule> schedules, Map<String, Duration> periods, Map<String, Supplier<Instant>> clocks,
      Target target) {
    for (String name : clocks.keySet()) {
      if (schedules.stream().noneMatch(s -> s.name().equals(name))) {
        throw new IllegalArgumentException("a clock is given for schedule " + name + ", which is not declared");
      }
    }
    for (Schedule schedule : schedules) {
      Duration period = periods.getOrDefault(schedule.name(), schedule.period());
      if (period.isZero() || period.isNegative()) {
        throw new IllegalArgumentException("schedule " + schedule.name() + " needs a positive period, not " + period);
      }
      Supplier<Instant> clock = clocks.getOrDefault(schedule.name(), Instant::now);
      timer.scheduleAtFixedRate(() -> fire(schedule, clock, target), period.toMillis(), period.toMillis(),
          TimeUnit.MILLISECONDS);
      LOG.debug("schedule {} runs {} every {}", schedule.name(), schedule.functionId(), period);
    }
  }

  private static void fire(Schedule schedule, Supplier<Instant> clock, Target target) {
    try {
      target.fire(schedule, Map.of("time", clock.get().toString()));
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
