package city.local.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A plain progress line every few seconds of wall time while the demo runs. */
final class Progress implements AutoCloseable {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "demo-progress");
    thread.setDaemon(true);
    return thread;
  });

  Progress(PrintStream out, Duration every, Supplier<String> line) {
    timer.scheduleAtFixedRate(() -> {
      try {
        out.println(line.get());
        out.flush();
      } catch (RuntimeException e) {
        // a progress line is worth less than the run: report the failure and go on
        out.println("progress unavailable: " + e);
      }
    }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
