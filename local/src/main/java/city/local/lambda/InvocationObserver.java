package city.local.lambda;

import city.catalog.FunctionSpec;
import java.util.function.Supplier;

/**
 * Sees every invocation of the twin's functions, around the handler call and on its thread (after the
 * concurrency wait, so only the handler's own time is inside). A meter of the twin's usage plugs in here;
 * {@link #NONE} runs the handler and nothing else.
 */
@FunctionalInterface
public interface InvocationObserver {
  InvocationObserver NONE = (function, invocation) -> invocation.get();

  /** Must call {@code invocation} exactly once and return its result or let its exception through. */
  Object observe(FunctionSpec function, Supplier<Object> invocation);
}
