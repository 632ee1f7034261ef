package city.catalog;

import java.util.List;
import java.util.Optional;

/** The platform's own table (dead letters) and the ops endpoints that belong to no domain. */
final class OpsDeclarations {
  private OpsDeclarations() {}

  static Domain domain() {
    TableSpec platform = new TableSpec("Platform", "PLATFORM_TABLE", "pk", "sk", List.of(),
        Optional.of("expiresAt"), false, false,
        "dead letters: written only when something is refused, kept 30 days by TTL (free deletes)");
    FunctionSpec api = new FunctionSpec("OpsApi", "city.ops.OpsApiHandler", 512, 10, 5,
        List.of("Platform"), List.of(),
        "reads the city file and a page of dead letters: small, rare, 512 MB keeps cold starts short");
    FunctionSpec failed = new FunctionSpec("FailedEvents", "city.ops.FailedEventHandler", 512, 10, 5,
        List.of("Platform"), List.of(),
        "on-failure destination of every device function: turns an event that failed its retries into a dead letter");
    return new Domain("ops",
        List.of(platform),
        List.of(api, failed),
        List.of(),
        List.of(
            new HttpRoute("GET", "/ops/devices", "OpsApi", Access.OPS),
            new HttpRoute("GET", "/ops/dead-letters", "OpsApi", Access.OPS)),
        List.of());
  }
}
