package city.catalog;

import java.util.List;

/**
 * One Lambda function: a handler class of the shaded jar with its sizing and the exact resources it may
 * touch. CDK grants only these tables and publish topics; the twin instantiates the handler class once.
 * Declared with {@link #handledBy}, so every number is named where it is written.
 *
 * @param publishTopics IoT topic patterns the function publishes to, with {@code +} for one level
 * @param reservedConcurrency cap on parallel executions: a spend circuit breaker, not a performance knob
 */
public record FunctionSpec(
    String id,
    String handlerClass,
    int memoryMb,
    int timeoutSeconds,
    int reservedConcurrency,
    List<String> tables,
    List<String> publishTopics,
    String why) {

  /** Retries of a failed asynchronous invocation (Lambda's default) before the event counts as failed. */
  public static final int ASYNC_RETRIES = 2;

  public FunctionSpec {
    tables = List.copyOf(tables);
    publishTopics = List.copyOf(publishTopics);
  }

  public static Builder handledBy(String id, Class<?> handler) {
    return new Builder(id, handler.getName());
  }

  /** Sizing defaults: 512 MB, 10 s, at most 5 in parallel, no tables, no topics. */
  public static final class Builder {
    private final String id;
    private final String handlerClass;
    private int memoryMb = 512;
    private int timeoutSeconds = 10;
    private int reservedConcurrency = 5;
    private List<String> tables = List.of();
    private List<String> publishTopics = List.of();

    private Builder(String id, String handlerClass) {
      this.id = id;
      this.handlerClass = handlerClass;
    }

    public Builder memoryMb(int memoryMb) {
      this.memoryMb = memoryMb;
      return this;
    }

    public Builder timeoutSeconds(int timeoutSeconds) {
      this.timeoutSeconds = timeoutSeconds;
      return this;
    }

    public Builder reservedConcurrency(int reservedConcurrency) {
      this.reservedConcurrency = reservedConcurrency;
      return this;
    }

    /** Table ids ({@link TableSpec#id()}) the function reads or writes. */
    public Builder tables(String... tableIds) {
      this.tables = List.of(tableIds);
      return this;
    }

    public Builder publishes(List<String> topics) {
      this.publishTopics = List.copyOf(topics);
      return this;
    }

    /** The reason for this sizing (also the Lambda description); completes the declaration. */
    public FunctionSpec because(String why) {
      return new FunctionSpec(id, handlerClass, memoryMb, timeoutSeconds, reservedConcurrency, tables, publishTopics, why);
    }
  }
}
