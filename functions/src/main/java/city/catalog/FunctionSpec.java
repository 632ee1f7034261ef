package city.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Lambda function: a handler class of the shaded jar with its sizing and the exact resources it may
 * touch. CDK grants only these tables, each with its declared {@link TableAccess}, and these publish topics;
 * the twin instantiates the handler class once. Declared with {@link #handledBy}, so every number is named
 * where it is written.
 *
 * @param tableAccess the tables the function touches, in declaration order, and what it may do with each
 * @param publishTopics IoT topic patterns the function publishes to, with {@code +} for one level
 * @param reservedConcurrency cap on parallel executions: a spend circuit breaker, not a performance knob
 * @param servesWebFiles the function reads the web pages' folders (a layer in the cloud, the checkout in the twin)
 */
public record FunctionSpec(
    String id,
    String handlerClass,
    int memoryMb,
    int timeoutSeconds,
    int reservedConcurrency,
    Map<String, TableAccess> tableAccess,
    List<String> publishTopics,
    String why,
    boolean servesWebFiles) {

  /** Retries of a failed asynchronous invocation (Lambda's default) before the event counts as failed. */
  public static final int ASYNC_RETRIES = 2;

  public FunctionSpec {
    tableAccess = Collections.unmodifiableMap(new LinkedHashMap<>(tableAccess));
    publishTopics = List.copyOf(publishTopics);
  }

  public FunctionSpec(String id, String handlerClass, int memoryMb, int timeoutSeconds, int reservedConcurrency,
      Map<String, TableAccess> tableAccess, List<String> publishTopics, String why) {
    this(id, handlerClass, memoryMb, timeoutSeconds, reservedConcurrency, tableAccess, publishTopics, why, false);
  }

  /** A fixture's function that reads and writes each of {@code tables}. */
  public FunctionSpec(String id, String handlerClass, int memoryMb, int timeoutSeconds, int reservedConcurrency,
      List<String> tables, List<String> publishTopics, String why) {
    this(id, handlerClass, memoryMb, timeoutSeconds, reservedConcurrency, readingAndWriting(tables), publishTopics, why);
  }

  /** Table ids the function reads or writes, in declaration order. */
  public List<String> tables() {
    return List.copyOf(tableAccess.keySet());
  }

  public TableAccess access(String tableId) {
    TableAccess access = tableAccess.get(tableId);
    if (access == null) {
      throw new IllegalArgumentException(id + " declares no access to table " + tableId);
    }
    return access;
  }

  private static Map<String, TableAccess> readingAndWriting(List<String> tables) {
    Map<String, TableAccess> access = new LinkedHashMap<>();
    tables.forEach(t -> access.put(t, TableAccess.READ_WRITE));
    return access;
  }

  public static Builder handledBy(String id, Class<?> handler) {
    return new Builder(id, handler.getName());
  }

  /** Sizing defaults: 512 MB, 10 s, at most 5 in parallel, no tables, no topics. Each table is declared once. */
  public static final class Builder {
    private final String id;
    private final String handlerClass;
    private int memoryMb = 512;
    private int timeoutSeconds = 10;
    private int reservedConcurrency = 5;
    private final Map<String, TableAccess> tables = new LinkedHashMap<>();
    private List<String> publishTopics = List.of();
    private boolean servesWebFiles;

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

    /** Tables ({@link TableSpec#id()}) the function only reads. */
    public Builder reads(String... tableIds) {
      return access(TableAccess.READ, tableIds);
    }

    /** Tables the function only writes to and never reads back. */
    public Builder writes(String... tableIds) {
      return access(TableAccess.WRITE, tableIds);
    }

    /** Tables the function reads and writes. */
    public Builder readsAndWrites(String... tableIds) {
      return access(TableAccess.READ_WRITE, tableIds);
    }

    private Builder access(TableAccess access, String... tableIds) {
      for (String tableId : tableIds) {
        if (tables.putIfAbsent(tableId, access) != null) {
          throw new IllegalArgumentException(id + " declares table " + tableId + " twice");
        }
      }
      return this;
    }

    public Builder publishes(List<String> topics) {
      this.publishTopics = List.copyOf(topics);
      return this;
    }

    /** The function serves the web pages: CDK gives it their layer, the twin the checkout. */
    public Builder servesWebFiles() {
      this.servesWebFiles = true;
      return this;
    }

    /** The reason for this sizing (also the Lambda description); completes the declaration. */
    public FunctionSpec because(String why) {
      return new FunctionSpec(id, handlerClass, memoryMb, timeoutSeconds, reservedConcurrency, tables, publishTopics, why,
          servesWebFiles);
    }
  }
}
