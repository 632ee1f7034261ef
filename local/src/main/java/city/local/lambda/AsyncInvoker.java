package city.local.lambda;

import city.catalog.FunctionSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous invocation as Lambda does it for IoT rules and schedules: queued per function, run with
 * at most the function's concurrency, retried after each delay of {@code retryDelays} when the handler
 * throws (Lambda: twice), then handed to the failure callback with the reason. Every accepted event is
 * counted until it succeeded or failed for good, so {@link #drain} can wait for all of them.
 */
public final class AsyncInvoker implements AutoCloseable {
  /** As many retries as Lambda makes ({@link FunctionSpec#ASYNC_RETRIES}), sooner: 200 ms, then five times longer each. */
  public static final List<Duration> LAMBDA_RETRY_DELAYS = Stream.iterate(Duration.ofMillis(200), d -> d.multipliedBy(5))
      .limit(FunctionSpec.ASYNC_RETRIES).toList();
  private static final Logger LOG = LoggerFactory.getLogger(AsyncInvoker.class);

  private final FunctionPool functions;
  private final List<Duration> retryDelays;
  private final Map<String, ExecutorService> queues = new ConcurrentHashMap<>();
  private final ScheduledExecutorService retries;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Object idle = new Object();
  private volatile boolean closed;

  public AsyncInvoker(FunctionPool functions, List<Duration> retryDelays) {
    this.functions = functions;
    this.retryDelays = List.copyOf(retryDelays);
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemon("lambda-retry"));
    scheduler.setRemoveOnCancelPolicy(true);
    this.retries = scheduler;
  }

  /** What becomes of one event: each failed attempt, then success, failure for good, or not run at all. */
  public interface Outcome {
    /** Attempt {@code attempt} threw; another follows unless it was the last. */
    default void attemptFailed(int attempt, String reason) {}

    void succeeded();

    /** Every attempt failed; the reason names the function, the attempts and the last exception. */
    void failed(String reason);

    /** The twin stopped before the event could run (again). */
    default void notRun(String reason) {
      failed(reason);
    }
  }

  /**
   * Queues one event. {@code onFailure} receives a reason naming the function, the attempts and the last
   * exception (class and message) once every attempt failed, or when the twin stops before it could run.
   */
  public void invoke(String functionId, Object event, Consumer<String> onFailure) {
    invoke(functionId, event, 1, new Outcome() {
      @Override
      public void succeeded() {}

      @Override
      public void failed(String reason) {
        onFailure.accept(reason);
      }
    });
  }

  /**
   * Queues one event from attempt {@code firstAttempt} on (above 1 when earlier attempts failed before a
   * restart): at most {@link #attempts()} in all.
   */
  public void invoke(String functionId, Object event, int firstAttempt, Outcome outcome) {
    FunctionEnvironment environment = functions.get(functionId);
    inFlight.incrementAndGet();
    if (closed) {
      try {
        outcome.notRun(functionId + " was not run: the twin is stopping");
      } finally {
        finish();
      }
      return;
    }
    submit(environment, event, firstAttempt, outcome);
  }

  /** Attempts per event: the first and its retries. */
  public int attempts() {
    return retryDelays.size() + 1;
  }

  /** Events accepted and not yet finished (including those waiting for a retry). */
  public int inFlight() {
    return inFlight.get();
  }

  /** Waits until every accepted event succeeded or failed for good; false when the timeout came first. */
  public boolean drain(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (inFlight.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(idle, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  private void submit(FunctionEnvironment environment, Object event, int attempt, Outcome outcome) {
    try {
      queue(environment).execute(() -> run(environment, event, attempt, outcome));
    } catch (RejectedExecutionException stopped) {
      try {
        outcome.notRun(environment.spec().id() + " was not run: the twin is stopping");
      } finally {
        finish();
      }
    }
  }

  private void run(FunctionEnvironment environment, Object event, int attempt, Outcome outcome) {
    try {
      environment.invoke(event);
    } catch (Throwable e) {
      // any throwable, even a checked one thrown sneakily, is a function error for Lambda
      failedAttempt(environment, event, attempt, outcome, e);
      return;
    }
    try {
      outcome.succeeded();
    } finally {
      finish();
    }
  }

  private void failedAttempt(FunctionEnvironment environment, Object event, int attempt, Outcome outcome, Throwable e) {
    String id = environment.spec().id();
    String reason = id + " failed " + attempt + " attempt(s): " + e.getClass().getName() + ": " + e.getMessage();
    outcome.attemptFailed(attempt, reason);
    if (attempt < attempts() && !closed) {
      Duration delay = retryDelays.get(attempt - 1);
      LOG.warn("{} failed attempt {} ({}); retrying in {} ms", id, attempt, e.toString(), delay.toMillis());
      try {
        retries.schedule(() -> submit(environment, event, attempt + 1, outcome), delay.toMillis(), TimeUnit.MILLISECONDS);
        return;
      } catch (RejectedExecutionException stopped) {
        try {
          outcome.notRun(id + " failed attempt " + attempt + " and was not retried: the twin is stopping");
        } finally {
          finish();
        }
        return;
      }
    }
    if (attempt < attempts()) {
      try {
        outcome.notRun(id + " failed attempt " + attempt + " and was not retried: the twin is stopping");
      } finally {
        finish();
      }
      return;
    }
    LOG.error("{} failed {} attempt(s); keeping the event as failed", id, attempt, e);
    try {
      outcome.failed(reason);
    } finally {
      finish();
    }
  }

  private ExecutorService queue(FunctionEnvironment environment) {
    return queues.computeIfAbsent(environment.spec().id(), id -> {
      int threads = FunctionEnvironment.concurrency(environment.spec());
      ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), daemon("lambda-" + id));
      executor.allowCoreThreadTimeOut(true);
      return executor;
    });
  }

  private void finish() {
    if (inFlight.decrementAndGet() == 0) {
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }

  /** Stops accepting events; call {@link #drain} first to let accepted ones finish. */
  @Override
  public void close() {
    closed = true;
    retries.shutdown();
    queues.values().forEach(ExecutorService::shutdown);
    try {
      for (ExecutorService queue : queues.values()) {
        if (!queue.awaitTermination(10, TimeUnit.SECONDS)) {
          queue.shutdownNow();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
