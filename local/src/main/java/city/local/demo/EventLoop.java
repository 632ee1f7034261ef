package city.local.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The devices' timeline: actions at simulated instants, run one at a time on the thread that calls
 * {@link #run} when the simulated clock reaches them. Everything the simulated devices do happens here, so
 * they need no locks; MQTT callbacks only add actions. Actions at the same instant run in the order they were
 * added, which keeps a seeded run's device behaviour the same from run to run.
 */
public final class EventLoop {
  /** Something a device does at simulated time {@code at} (its scheduled time, also when it runs late). */
  @FunctionalInterface
  public interface Action {
    void run(Instant at);
  }

  private record Entry(Instant at, long order, Action action) {}

  private static final long LONGEST_WAIT_MILLIS = 200;

  private final SimClock clock;
  private final PriorityQueue<Entry> queue = new PriorityQueue<>(
      Comparator.comparing(Entry::at).thenComparingLong(Entry::order));
  private long added;

  EventLoop(SimClock clock) {
    this.clock = clock;
  }

  public synchronized void at(Instant at, Action action) {
    queue.add(new Entry(at, added++, action));
    notifyAll();
  }

  public void after(Instant from, Duration delay, Action action) {
    at(from.plus(delay), action);
  }

  /** From outside the loop (an MQTT callback): as soon as possible, stamped with the simulated time now. */
  public void now(Action action) {
    at(clock.now(), action);
  }

  /**
   * Runs every action due up to {@code end}, waiting for the simulated clock, until the clock has passed
   * {@code end}. Actions after it never run. An action's exception ends the run.
   */
  void run(Instant end) throws InterruptedException {
    while (true) {
      Entry next = nextDue(end);
      if (next == null) {
        return;
      }
      next.action().run(next.at());
    }
  }

  private synchronized Entry nextDue(Instant end) throws InterruptedException {
    while (true) {
      Entry head = queue.peek();
      Instant now = clock.now();
      if (head != null && !head.at().isAfter(end) && !head.at().isAfter(now)) {
        return queue.poll();
      }
      if (now.isAfter(end)) {
        return null;
      }
      Instant wakeAt = head == null || head.at().isAfter(end) ? end : head.at();
      long millis = Math.max(1, Math.min(LONGEST_WAIT_MILLIS, clock.realUntil(wakeAt).toMillis()));
      wait(millis);
    }
  }
}
