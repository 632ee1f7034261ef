package city.catalog;

import city.catalog.TableSpec.IndexSpec;
import java.util.List;
import java.util.Optional;

/** Table shapes shared by the domains: generic pk/sk single-table design, one table per domain. */
final class Tables {
  static final IndexSpec GSI1 = new IndexSpec("gsi1", "gsi1pk", "gsi1sk");

  private Tables() {}

  static TableSpec domainTable(String id, String envVar, Optional<String> ttl, boolean pitr, boolean protect, String why) {
    return new TableSpec(id, envVar, "pk", "sk", List.of(GSI1), ttl, pitr, protect, why);
  }
}
