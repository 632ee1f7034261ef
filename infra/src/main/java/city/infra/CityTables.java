package city.infra;

import city.catalog.TableSpec;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.CfnTable;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.constructs.Construct;

/** One on-demand DynamoDB table per catalog TableSpec, the same shapes the local twin creates. */
public final class CityTables extends Construct {
  private final Map<String, Table> tables = new LinkedHashMap<>();
  private final Map<String, TableSpec> specs = new LinkedHashMap<>();

  public CityTables(Construct scope, String id, List<TableSpec> specs) {
    super(scope, id);
    for (TableSpec spec : specs) {
      this.specs.put(spec.id(), spec);
      tables.put(spec.id(), table(spec));
    }
  }

  /**
   * Logical ids are pinned to the catalog id: a table that keeps money must never be replaced because the
   * construct tree was refactored, and SAM and the tests find it by a stable name.
   */
  public static String logicalId(String tableId) {
    return tableId + "Table";
  }

  public Table table(String tableId) {
    Table table = tables.get(tableId);
    if (table == null) {
      throw new IllegalArgumentException("catalog function uses table " + tableId + ", which no domain declares");
    }
    return table;
  }

  public TableSpec spec(String tableId) {
    return specs.get(tableId);
  }

  public List<TableSpec> specs() {
    return List.copyOf(specs.values());
  }

  public Map<String, Table> all() {
    return tables;
  }

  private Table table(TableSpec spec) {
    boolean keep = spec.pointInTimeRecovery() || spec.deletionProtection();
    Table.Builder builder = Table.Builder.create(this, spec.id())
        .partitionKey(stringKey(spec.partitionKey()))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
            .pointInTimeRecoveryEnabled(spec.pointInTimeRecovery()).build())
        .deletionProtection(spec.deletionProtection())
        // data worth a backup outlives `cdk destroy`; everything else goes with the stack (nothing left billing)
        .removalPolicy(keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
    if (spec.sortKey() != null) {
      builder.sortKey(stringKey(spec.sortKey()));
    }
    spec.ttlAttribute().ifPresent(builder::timeToLiveAttribute);
    Table table = builder.build();
    for (TableSpec.IndexSpec index : spec.indexes()) {
      GlobalSecondaryIndexProps.Builder gsi = GlobalSecondaryIndexProps.builder()
          .indexName(index.name())
          .partitionKey(stringKey(index.partitionKey()));
      if (index.sortKey() != null) {
        gsi.sortKey(stringKey(index.sortKey()));
      }
      table.addGlobalSecondaryIndex(gsi.build());
    }
    ((CfnTable) table.getNode().getDefaultChild()).overrideLogicalId(logicalId(spec.id()));
    if (!spec.pointInTimeRecovery()) {
      NagSuppressions.addResourceSuppressions(table, List.of(NagPackSuppression.builder()
          .id("AwsSolutions-DDB3")
          .reason("No point-in-time recovery by catalog decision for table " + spec.id() + " (" + spec.why()
              + "): PITR is billed per GB-month and reserved for tables that hold money.")
          .build()), true);
    }
    return table;
  }

  private static Attribute stringKey(String name) {
    return Attribute.builder().name(name).type(AttributeType.STRING).build();
  }
}
