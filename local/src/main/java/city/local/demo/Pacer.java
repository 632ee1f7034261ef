package city.local.demo;

import java.util.function.BooleanSupplier;

/**
 * Holds the simulated clock while the twin is behind (too many invocations waiting, an app request under
 * way), so device behaviour and the twin's answers keep the order they would have on a fast machine: an
 * order or a task list sent during the simulated hour reaches its device within that hour, however busy the
 * machine is. On an idle machine the clock rarely waits.
 */
final class Pacer implements AutoCloseable {
  private static final long CHECK_EVERY_MILLIS = 5;

  private final Thread thread;

  Pacer(SimClock clock, BooleanSupplier behind) {
    this.thread = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          if (behind.getAsBoolean()) {
            clock.hold();
          } else {
            clock.resume();
          }
          Thread.sleep(CHECK_EVERY_MILLIS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        clock.resume();
      }
    }, "demo-pacer");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
