package city.ops;

import city.catalog.Access;
import city.catalog.CityModule;
import city.catalog.Domain;
import city.catalog.EventRule;
import city.catalog.EventType;
import city.catalog.FunctionSpec;
import city.catalog.HttpRoute;
import city.catalog.Schedule;
import city.catalog.TableSpec;
import city.platform.DynamoDeadLetterStore;
import java.time.Duration;
import java.util.List;

/**
 * The platform's own table (dead letters, the event trail, device health), the ops endpoints that belong to no domain,
 * and the devices' health check (rule 4 of the city bus: a silent device becomes a maintenance job).
 */
public final class OpsModule implements CityModule {
  /** Every event a domain of the city publishes (their sources are city.<domain>). */
  static final String TRAIL_PATTERN = "{\"source\": [{\"prefix\": \"" + EventType.SOURCE_PREFIX + "\"}]}";

  @Override
  public Domain declarations() {
    TableSpec platform = TableSpec.keyValueTable(DynamoDeadLetterStore.TABLE_ID, DynamoDeadLetterStore.TABLE_ENV)
        .expiringBy("expiresAt")
        .because("dead letters (written only when something is refused) and the city bus's event trail, both kept 30 days"
            + " by TTL (free deletes); one health item per watched device");
    FunctionSpec api = FunctionSpec.handledBy("OpsApi", OpsApiHandler.class)
        .memoryMb(512).timeoutSeconds(10).reservedConcurrency(5)
        .reads(DynamoDeadLetterStore.TABLE_ID)
        .because("reads the city file, the devices' health (one query) and a page of dead letters: small, rare, 512 MB keeps"
            + " cold starts short");
    FunctionSpec trail = FunctionSpec.handledBy("EventTrail", EventTrailHandler.class)
        .memoryMb(512).timeoutSeconds(10).reservedConcurrency(5)
        .writes(DynamoDeadLetterStore.TABLE_ID)
        .because("one conditional put per city event: the audit trail of GET /ops/events");
    FunctionSpec failed = FunctionSpec.handledBy("FailedEvents", FailedEventHandler.class)
        .memoryMb(512).timeoutSeconds(10).reservedConcurrency(5)
        .writes(DynamoDeadLetterStore.TABLE_ID)
        .because("on-failure destination of every device function: turns an event that failed its retries into a dead letter");
    FunctionSpec health = FunctionSpec.handledBy("DeviceHealth", DeviceHealthHandler.class)
        .memoryMb(512).timeoutSeconds(60).reservedConcurrency(1)
        .readsAndWrites(DynamoDeadLetterStore.TABLE_ID)
        .because("every 5 minutes: one query of the devices' health, a publish and a conditional update per device that"
            + " went silent or came back; one run at a time");
    return new Domain("ops",
        List.of(platform),
        List.of(api, trail, failed, health),
        List.of(),
        List.of(
            new HttpRoute("GET", "/ops/devices", "OpsApi", Access.OPS),
            new HttpRoute("GET", "/ops/dead-letters", "OpsApi", Access.OPS),
            new HttpRoute("GET", "/ops/events", "OpsApi", Access.OPS)),
        List.of(new Schedule("integration_health", "DeviceHealth", Duration.ofMinutes(5), "INTEGRATION_HEALTH_PERIOD")))
        .withEvents(
            List.of(
                EventType.of("ops", DeviceHealthEvent.SILENT, List.of("DeviceHealth"),
                    "a device said nothing for longer than its class's heartbeat (integration.silentAfterMinutes)"),
                EventType.of("ops", DeviceHealthEvent.BACK, List.of("DeviceHealth"),
                    "a device reported silent spoke again")),
            List.of(new EventRule("ops_event_trail", TRAIL_PATTERN, "EventTrail",
                "every city event into the trail (GET /ops/events)")));
  }
}
