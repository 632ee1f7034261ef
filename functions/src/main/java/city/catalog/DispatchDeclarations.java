package city.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Incident dispatch: sensor alerts and Open311 reports become incidents, units get them over MQTT and
 * acknowledge them; a sweep handles acknowledgement timeouts once a minute.
 */
final class DispatchDeclarations {
  private static final List<String> DISPATCH_TOPICS = List.of("units/+/dispatch");

  private DispatchDeclarations() {}

  static Domain domain() {
    TableSpec table = Tables.domainTable("Dispatch", "DISPATCH_TABLE", Optional.of("expiresAt"), true, true,
        "incidents with their audit trail, unit claims, sensor pointers; PITR and deletion protection because the"
            + " trail is the record of every emergency response; TTL deletes reporters' contact details");
    FunctionSpec alerts = new FunctionSpec("DispatchAlerts", "city.dispatch.AlertHandler", 512, 15, 20,
        List.of("Dispatch", "Platform"), DISPATCH_TOPICS,
        "a few reads and conditional writes per alert plus one publish; 512 MB for the CPU share that keeps each"
            + " SDK call near 10 ms, so an alert reaches its unit well within a second");
    FunctionSpec status = new FunctionSpec("DispatchUnitStatus", "city.dispatch.UnitStatusHandler", 512, 15, 20,
        List.of("Dispatch", "Platform"), DISPATCH_TOPICS,
        "one conditional write per status message; a unit that becomes available may take a queued incident");
    FunctionSpec acks = new FunctionSpec("DispatchAcks", "city.dispatch.AckHandler", 512, 15, 20,
        List.of("Dispatch", "Platform"), DISPATCH_TOPICS,
        "one optimistic write per ack; a resolve frees the unit, which may take the next queued incident");
    FunctionSpec open311 = new FunctionSpec("DispatchOpen311", "city.dispatch.Open311Handler", 512, 15, 20,
        List.of("Dispatch"), DISPATCH_TOPICS,
        "public Open311 API: a POST creates and dispatches an incident at once; searches read a month's ledger");
    FunctionSpec ops = new FunctionSpec("DispatchOpsApi", "city.dispatch.DispatchOpsHandler", 512, 15, 5,
        List.of("Dispatch"), List.of(),
        "ops reads: index queries and batch reads of a day's incidents; few callers");
    FunctionSpec sweep = new FunctionSpec("DispatchSweep", "city.dispatch.SweepHandler", 512, 60, 1,
        List.of("Dispatch"), DISPATCH_TOPICS,
        "once a minute: timeouts, repairs and queue draining; one at a time (concurrency 1) since overlapping"
            + " sweeps would only compete for the same items");
    return new Domain("dispatch",
        List.of(table),
        List.of(alerts, status, acks, open311, ops, sweep),
        List.of(
            new TopicRule("dispatch_alerts", RuleSql.device("safety/sensors/+/alerts", 3), "DispatchAlerts",
                "safety-sensor", "safety sensor alert (FIWARE Alert category and severity)"),
            new TopicRule("dispatch_unit_status", RuleSql.device("units/+/status", 2), "DispatchUnitStatus",
                "unit", "response unit status and position"),
            new TopicRule("dispatch_unit_acks", RuleSql.device("units/+/acks", 2), "DispatchAcks",
                "unit", "response unit acknowledgement: accept, arrive, resolve")),
        List.of(
            new HttpRoute("GET", "/open311/v2/services.json", "DispatchOpen311", Access.PUBLIC),
            new HttpRoute("POST", "/open311/v2/requests.json", "DispatchOpen311", Access.PUBLIC),
            new HttpRoute("GET", "/open311/v2/requests.json", "DispatchOpen311", Access.PUBLIC),
            new HttpRoute("GET", "/open311/v2/requests/{id}", "DispatchOpen311", Access.PUBLIC),
            new HttpRoute("GET", "/ops/incidents", "DispatchOpsApi", Access.OPS),
            new HttpRoute("GET", "/ops/incidents/{incidentId}", "DispatchOpsApi", Access.OPS),
            new HttpRoute("GET", "/ops/units", "DispatchOpsApi", Access.OPS),
            new HttpRoute("GET", "/ops/dispatch/stats", "DispatchOpsApi", Access.OPS)),
        List.of(new Schedule("dispatch_sweep", "DispatchSweep", Duration.ofMinutes(1), "DISPATCH_SWEEP_PERIOD")));
  }
}
