package city.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A DynamoDB table as both CDK and the local twin create it. Every key attribute is a string; every table
 * is on-demand. The handler finds the physical name in the environment variable {@code envVar}.
 */
public record TableSpec(
    String id,
    String envVar,
    String partitionKey,
    String sortKey,
    List<IndexSpec> indexes,
    Optional<String> ttlAttribute,
    boolean pointInTimeRecovery,
    boolean deletionProtection,
    String why) {

  /** The one global secondary index of a domain's single-table design. */
  public static final IndexSpec GSI1 = new IndexSpec("gsi1", "gsi1pk", "gsi1sk");

  public record IndexSpec(String name, String partitionKey, String sortKey) {}

  public TableSpec {
    indexes = List.copyOf(indexes);
  }

  /** A domain's single table: generic {@code pk}/{@code sk} keys and {@link #GSI1}. */
  public static Builder domainTable(String id, String envVar) {
    return new Builder(id, envVar, List.of(GSI1));
  }

  /** Generic {@code pk}/{@code sk} keys, no index. */
  public static Builder keyValueTable(String id, String envVar) {
    return new Builder(id, envVar, List.of());
  }

  /** No TTL, no point-in-time recovery, no deletion protection unless asked for. */
  public static final class Builder {
    private final String id;
    private final String envVar;
    private final List<IndexSpec> indexes;
    private Optional<String> ttlAttribute = Optional.empty();
    private boolean pointInTimeRecovery;
    private boolean deletionProtection;

    private Builder(String id, String envVar, List<IndexSpec> indexes) {
      this.id = id;
      this.envVar = envVar;
      this.indexes = indexes;
    }

    /** Items carrying this epoch-seconds attribute are deleted by TTL (free deletes). */
    public Builder expiringBy(String attribute) {
      this.ttlAttribute = Optional.of(attribute);
      return this;
    }

    public Builder withPointInTimeRecovery() {
      this.pointInTimeRecovery = true;
      return this;
    }

    public Builder withDeletionProtection() {
      this.deletionProtection = true;
      return this;
    }

    /** Why the table is shaped and protected this way; completes the declaration. */
    public TableSpec because(String why) {
      return new TableSpec(id, envVar, "pk", "sk", indexes, ttlAttribute, pointInTimeRecovery, deletionProtection, why);
    }
  }
}
