package city.ops;

import city.catalog.Access;
import city.catalog.CityModule;
import city.catalog.Domain;
import city.catalog.EventRule;
import city.catalog.EventType;
import city.catalog.FunctionSpec;
import city.catalog.HttpRoute;
import city.catalog.TableSpec;
import city.platform.DynamoDeadLetterStore;
import java.util.List;

/** The platform's own table (dead letters, the event trail) and the ops endpoints that belong to no domain. */
public final class OpsModule implements CityModule {
  /** Every event a domain of the city publishes (their sources are city.<domain>). */
  static final String TRAIL_PATTERN = "{\"source\": [{\"prefix\": \"" + EventType.SOURCE_PREFIX + "\"}]}";

  @Override
  public Domain declarations() {
    TableSpec platform = TableSpec.keyValueTable(DynamoDeadLetterStore.TABLE_ID, DynamoDeadLetterStore.TABLE_ENV)
        .expiringBy("expiresAt")
        .because("dead letters (written only when something is refused) and the city bus's event trail, both kept 30 days"
            + " by TTL (free deletes)");
    FunctionSpec api = FunctionSpec.handledBy("OpsApi", OpsApiHandler.class)
        .memoryMb(512).timeoutSeconds(10).reservedConcurrency(5)
        .reads(DynamoDeadLetterStore.TABLE_ID)
        .because("reads the city file and a page of dead letters: small, rare, 512 MB keeps cold starts short");
    FunctionSpec trail = FunctionSpec.handledBy("EventTrail", EventTrailHandler.class)
        .memoryMb(512).timeoutSeconds(10).reservedConcurrency(5)
        .writes(DynamoDeadLetterStore.TABLE_ID)
        .because("one conditional put per city event: the audit trail of GET /ops/events");
    FunctionSpec failed = FunctionSpec.handledBy("FailedEvents", FailedEventHandler.class)
        .memoryMb(512).timeoutSeconds(10).reservedConcurrency(5)
        .writes(DynamoDeadLetterStore.TABLE_ID)
        .because("on-failure destination of every device function: turns an event that failed its retries into a dead letter");
    return new Domain("ops",
        List.of(platform),
        List.of(api, trail, failed),
        List.of(),
        List.of(
            new HttpRoute("GET", "/ops/devices", "OpsApi", Access.OPS),
            new HttpRoute("GET", "/ops/dead-letters", "OpsApi", Access.OPS),
            new HttpRoute("GET", "/ops/events", "OpsApi", Access.OPS)),
        List.of())
        .withEvents(List.of(), List.of(new EventRule("ops_event_trail", TRAIL_PATTERN, "EventTrail",
            "every city event into the trail (GET /ops/events)")));
  }
}
