package city.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.FunctionSpec;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Lambda's asynchronous invocation rules, with in-process test handlers (no I/O). */
class AsyncInvokerTest {
  /** Fails until it has been called {@code failures} times, as set by the event. */
  public static class FlakyHandler implements RequestHandler<Map<String, Object>, String> {
    static final AtomicInteger CALLS = new AtomicInteger();
    static final AtomicInteger ACTIVE = new AtomicInteger();
    static final AtomicInteger MOST_ACTIVE = new AtomicInteger();
    static final ConcurrentLinkedQueue<Integer> INSTANCES = new ConcurrentLinkedQueue<>();

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      INSTANCES.add(System.identityHashCode(this));
      int active = ACTIVE.incrementAndGet();
      MOST_ACTIVE.accumulateAndGet(active, Math::max);
      try {
        Thread.sleep(((Number) event.getOrDefault("sleepMs", 0)).longValue());
        if (CALLS.incrementAndGet() <= ((Number) event.getOrDefault("failures", 0)).intValue()) {
          throw new IllegalArgumentException("attempt " + CALLS.get() + " failed");
        }
        return "ok";
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      } finally {
        ACTIVE.decrementAndGet();
      }
    }
  }

  private static FunctionPool pool(int concurrency) {
    return new FunctionPool(List.of(new FunctionSpec("Flaky", FlakyHandler.class.getName(), 128, 5, concurrency,
        List.of(), List.of(), "test")), function -> Map.of(), InvocationObserver.NONE);
  }

  private static void reset() {
    FlakyHandler.CALLS.set(0);
    FlakyHandler.MOST_ACTIVE.set(0);
    FlakyHandler.INSTANCES.clear();
  }

  @Test
  void retriesTwiceThenReportsTheLastFailure() {
    reset();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    try (FunctionPool functions = pool(1); AsyncInvoker invoker = new AsyncInvoker(functions, List.of(Duration.ofMillis(10), Duration.ofMillis(20)))) {
      invoker.invoke("Flaky", Map.of("failures", 5), failures::add);
      assertTrue(invoker.drain(Duration.ofSeconds(10)));
    }
    assertEquals(3, FlakyHandler.CALLS.get());
    assertEquals(List.of("Flaky failed 3 attempt(s): java.lang.IllegalArgumentException: attempt 3 failed"), List.copyOf(failures));
  }

  @Test
  void aRetryThatSucceedsIsNotAFailure() {
    reset();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    try (FunctionPool functions = pool(1); AsyncInvoker invoker = new AsyncInvoker(functions, List.of(Duration.ofMillis(10), Duration.ofMillis(20)))) {
      invoker.invoke("Flaky", Map.of("failures", 2), failures::add);
      assertTrue(invoker.drain(Duration.ofSeconds(10)));
    }
    assertEquals(3, FlakyHandler.CALLS.get());
    assertTrue(failures.isEmpty());
  }

  @Test
  void oneInstanceServesConcurrentInvocationsUpToTheReservedConcurrency() {
    reset();
    try (FunctionPool functions = pool(3); AsyncInvoker invoker = new AsyncInvoker(functions, AsyncInvoker.LAMBDA_RETRY_DELAYS)) {
      for (int i = 0; i < 12; i++) {
        invoker.invoke("Flaky", Map.of("sleepMs", 40), reason -> { });
      }
      assertTrue(invoker.drain(Duration.ofSeconds(10)));
      assertEquals(0, invoker.inFlight());
    }
    assertEquals(12, FlakyHandler.CALLS.get());
    assertEquals(1, FlakyHandler.INSTANCES.stream().distinct().count(), "one handler instance per function");
    assertTrue(FlakyHandler.MOST_ACTIVE.get() > 1, "invocations overlap");
    assertTrue(FlakyHandler.MOST_ACTIVE.get() <= 3, "never above reserved concurrency: " + FlakyHandler.MOST_ACTIVE.get());
  }

  @Test
  void drainReportsWorkStillRunning() {
    reset();
    try (FunctionPool functions = pool(1); AsyncInvoker invoker = new AsyncInvoker(functions, AsyncInvoker.LAMBDA_RETRY_DELAYS)) {
      invoker.invoke("Flaky", Map.of("sleepMs", 500), reason -> { });
      assertEquals(false, invoker.drain(Duration.ofMillis(50)));
      assertTrue(invoker.drain(Duration.ofSeconds(10)));
    }
  }

  @Test
  void eventsAfterCloseAreReportedNotLost() {
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    try (FunctionPool functions = pool(1)) {
      AsyncInvoker invoker = new AsyncInvoker(functions, AsyncInvoker.LAMBDA_RETRY_DELAYS);
      invoker.close();
      invoker.invoke("Flaky", Map.of(), failures::add);
      assertEquals(0, invoker.inFlight());
    }
    assertEquals(List.of("Flaky was not run: the twin is stopping"), List.copyOf(failures));
  }
}
