package city.local.profile;

import city.catalog.FunctionSpec;
import city.local.lambda.InvocationObserver;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Measures what each function of a twin consumes per invocation: invocations, handler wall time, DynamoDB
 * request units and IoT publishes. The invocation side is an {@link InvocationObserver}; the request side is
 * {@link MeteringInterceptor}, which the SDK instantiates inside each function's class loader and which finds
 * the invocation it serves through {@link #current()} (the handler's SDK calls run on the invocation's thread).
 *
 * <p>One meter is active per JVM at a time, like the twin itself.
 */
public final class UsageMeter implements InvocationObserver {
  private static final ThreadLocal<FunctionUsage> CURRENT = new ThreadLocal<>();

  private final Map<String, FunctionUsage> byFunction = new ConcurrentHashMap<>();

  @Override
  public Object observe(FunctionSpec function, Supplier<Object> invocation) {
    FunctionUsage usage = byFunction.computeIfAbsent(function.id(), id -> new FunctionUsage());
    FunctionUsage previous = CURRENT.get();
    CURRENT.set(usage);
    long started = System.nanoTime();
    try {
      return invocation.get();
    } finally {
      usage.invoked(System.nanoTime() - started);
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** The tally of the invocation running on this thread; empty for requests outside any invocation (the twin's own). */
  static Optional<FunctionUsage> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** What was measured so far, by function id. */
  public Map<String, FunctionUsage.Totals> totals() {
    Map<String, FunctionUsage.Totals> totals = new TreeMap<>();
    byFunction.forEach((id, usage) -> totals.put(id, usage.totals()));
    return totals;
  }
}
