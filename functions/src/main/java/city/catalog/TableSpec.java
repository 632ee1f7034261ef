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

  public record IndexSpec(String name, String partitionKey, String sortKey) {}
}
