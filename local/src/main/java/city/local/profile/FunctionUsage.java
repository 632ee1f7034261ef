package city.local.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Running totals of one function's invocations, safe for the concurrent invocations the twin runs. */
public final class FunctionUsage {
  private final LongAdder invocations = new LongAdder();
  private final List<Long> handlerNanos = Collections.synchronizedList(new ArrayList<>());
  private final DoubleAdder readUnits = new DoubleAdder();
  private final DoubleAdder writeUnits = new DoubleAdder();
  private final LongAdder dynamoDbRequests = new LongAdder();
  private final LongAdder iotPublishes = new LongAdder();

  /**
   * @param medianHandlerNanos median wall time of the handler call in the twin's JVM: the typical warm
   *     invocation, not the first calls that load and compile the handler's classes
   */
  public record Totals(long invocations, long medianHandlerNanos, double readUnits, double writeUnits, long dynamoDbRequests,
      long iotPublishes) {
    /** What was consumed since {@code earlier} (null: since the start); the median handler time stays this reading's. */
    public Totals since(Totals earlier) {
      if (earlier == null) {
        return this;
      }
      return new Totals(invocations - earlier.invocations, medianHandlerNanos, readUnits - earlier.readUnits,
          writeUnits - earlier.writeUnits, dynamoDbRequests - earlier.dynamoDbRequests, iotPublishes - earlier.iotPublishes);
    }
  }

  void invoked(long handlerNanos) {
    invocations.increment();
    this.handlerNanos.add(handlerNanos);
  }

  void dynamoDb(double reads, double writes) {
    dynamoDbRequests.increment();
    readUnits.add(reads);
    writeUnits.add(writes);
  }

  void published() {
    iotPublishes.increment();
  }

  Totals totals() {
    List<Long> sorted;
    synchronized (handlerNanos) {
      sorted = handlerNanos.stream().sorted().toList();
    }
    long median = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    return new Totals(invocations.sum(), median, readUnits.sum(), writeUnits.sum(), dynamoDbRequests.sum(),
        iotPublishes.sum());
  }
}
