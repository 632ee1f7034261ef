package city.dispatch;

import static city.dispatch.api.DispatchDevices.SAFETY_SENSOR;
import static city.dispatch.api.DispatchDevices.UNIT;

import city.catalog.Access;
import city.catalog.CityModule;
import city.catalog.Device;
import city.catalog.DeviceClass;
import city.catalog.EventRule;
import city.catalog.EventType;
import city.catalog.Domain;
import city.catalog.FunctionSpec;
import city.catalog.HttpRoute;
import city.catalog.Schedule;
import city.catalog.TableSpec;
import city.catalog.TopicRule;
import city.dispatch.api.AckHandler;
import city.dispatch.api.AlertHandler;
import city.dispatch.api.DispatchOpsHandler;
import city.dispatch.api.Open311Handler;
import city.dispatch.api.SupervisionHandler;
import city.dispatch.api.SweepHandler;
import city.dispatch.api.SystemIncidentHandler;
import city.dispatch.api.UnitStatusHandler;
import city.dispatch.core.DispatchTable;
import city.dispatch.core.HotlineSupervision;
import city.dispatch.core.DeviceNotice;
import city.dispatch.core.FaultNotice;
import city.dispatch.core.IncidentEvents;
import city.dispatch.core.OverstayNotice;
import city.platform.DynamoDeadLetterStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Incident dispatch: sensor alerts and Open311 reports become incidents, units get them over MQTT and
 * acknowledge them; a sweep handles acknowledgement timeouts once a minute. Incidents opened and closed go on the
 * city bus.
 */
public final class DispatchModule implements CityModule {
  public static final String TABLE = "Dispatch";
  static final String CONTACTS_TABLE = "DispatchContacts";
  private static final List<String> DISPATCH_TOPICS = List.of("units/+/dispatch");
  private static final List<String> SUPERVISION_TOPICS = List.of(HotlineSupervision.TOPIC_PREFIX + "+");
  /** The sweep orders units and records their acknowledgement timeouts for supervision. */
  private static final List<String> SWEEP_TOPICS = Stream.concat(DISPATCH_TOPICS.stream(), SUPERVISION_TOPICS.stream())
      .toList();
  /** Parking's overstay (its contract is docs/events.md): a warden's job, rule 3 of the city bus. */
  static final String OVERSTAY_PATTERN = "{\"source\": [\"" + OverstayNotice.SOURCE + "\"], \"detail-type\": [\""
      + OverstayNotice.TYPE + "\"]}";
  /** The health check's reports (docs/events.md): a maintenance job per silence, rule 4 of the city bus. */
  static final String DEVICE_HEALTH_PATTERN = "{\"source\": [\"" + DeviceNotice.SOURCE + "\"], \"detail-type\": [\""
      + DeviceNotice.SILENT + "\", \"" + DeviceNotice.BACK + "\"]}";
  /** A dock controller's fault (docs/events.md): a maintenance job at once, rule 4 of the city bus. */
  static final String DOCK_FAULT_PATTERN = "{\"source\": [\"" + FaultNotice.SOURCE + "\"], \"detail-type\": [\""
      + FaultNotice.FAULT + "\", \"" + FaultNotice.CLEARED + "\"]}";

  @Override
  public Domain declarations() {
    TableSpec table = TableSpec.domainTable(TABLE, DispatchTable.ENV)
        .expiringBy("expiresAt").withPointInTimeRecovery().withDeletionProtection()
        .because("incidents with their audit trail, unit claims, sensor pointers; PITR and deletion protection because the"
            + " trail is the record of every emergency response");
    TableSpec contacts = TableSpec.keyValueTable(CONTACTS_TABLE, DispatchTable.CONTACTS_ENV)
        .expiringBy("expiresAt")
        .because("reporters' contact details (personal data), apart from the incidents: only DispatchOpen311 may write"
            + " and read them (the call-taker's follow-up, each read recorded in the work order's history first); TTL"
            + " deletes each after 180 days and no backup keeps it longer");
    FunctionSpec alerts = FunctionSpec.handledBy("DispatchAlerts", AlertHandler.class)
        .memoryMb(512).timeoutSeconds(15).reservedConcurrency(20)
        .readsAndWrites(TABLE).writes(DynamoDeadLetterStore.TABLE_ID).publishes(DISPATCH_TOPICS)
        .because("a few reads and conditional writes per alert plus one publish; 512 MB for the CPU share that keeps each"
            + " SDK call near 10 ms, so an alert reaches its unit well within a second");
    FunctionSpec status = FunctionSpec.handledBy("DispatchUnitStatus", UnitStatusHandler.class)
        .memoryMb(512).timeoutSeconds(15).reservedConcurrency(20)
        .readsAndWrites(TABLE).writes(DynamoDeadLetterStore.TABLE_ID).publishes(DISPATCH_TOPICS)
        .because("one conditional write per status message; a unit that becomes available may take a queued incident");
    FunctionSpec acks = FunctionSpec.handledBy("DispatchAcks", AckHandler.class)
        .memoryMb(512).timeoutSeconds(15).reservedConcurrency(20)
        .readsAndWrites(TABLE).writes(DynamoDeadLetterStore.TABLE_ID).publishes(DISPATCH_TOPICS)
        .because("one optimistic write per ack; a resolve frees the unit, which may take the next queued incident");
    FunctionSpec open311 = FunctionSpec.handledBy("DispatchOpen311", Open311Handler.class)
        .memoryMb(512).timeoutSeconds(15).reservedConcurrency(20)
        .readsAndWrites(TABLE, CONTACTS_TABLE).publishes(DISPATCH_TOPICS)
        .because("public Open311 API: a POST creates and dispatches an incident at once (an anonymous priority-1 report"
            + " waits for the call-taker's confirm, served here too since it writes and dispatches); searches read a"
            + " month's ledger");
    FunctionSpec ops = FunctionSpec.handledBy("DispatchOpsApi", DispatchOpsHandler.class)
        .memoryMb(512).timeoutSeconds(15).reservedConcurrency(5)
        .reads(TABLE)
        .because("ops reads: index queries and batch reads of a day's incidents; few callers");
    FunctionSpec sweep = FunctionSpec.handledBy("DispatchSweep", SweepHandler.class)
        .memoryMb(512).timeoutSeconds(60).reservedConcurrency(1)
        .readsAndWrites(TABLE).publishes(SWEEP_TOPICS)
        .because("once a minute: timeouts (each a supervision record), repairs and queue draining; one at a time"
            + " (concurrency 1) since overlapping sweeps would only compete for the same items");
    FunctionSpec supervision = FunctionSpec.handledBy("DispatchSupervision", SupervisionHandler.class)
        .memoryMb(512).timeoutSeconds(60).reservedConcurrency(1)
        .readsAndWrites(TABLE).publishes(SUPERVISION_TOPICS)
        .because("once a minute: every open work order against its deadlines, one conditional write per escalation;"
            + " one at a time since overlapping runs would only compete for the same items");
    FunctionSpec system = FunctionSpec.handledBy("DispatchSystemIncidents", SystemIncidentHandler.class)
        .memoryMb(512).timeoutSeconds(15).reservedConcurrency(5)
        .readsAndWrites(TABLE).publishes(DISPATCH_TOPICS)
        .because("city bus: an overstay or a silent device becomes an incident (one put-if-absent under an id derived from"
            + " it) dispatched at once like an alert; a handful at a time");
    return new Domain("dispatch",
        List.of(table, contacts),
        List.of(alerts, status, acks, open311, ops, sweep, supervision, system),
        List.of(
            TopicRule.fromDevices("dispatch_alerts", "safety/sensors/+/alerts", SAFETY_SENSOR, "DispatchAlerts",
                "safety sensor alert (FIWARE Alert category and severity)"),
            TopicRule.fromDevices("dispatch_unit_status", "units/+/status", UNIT, "DispatchUnitStatus",
                "response unit status and position"),
            TopicRule.fromDevices("dispatch_unit_acks", "units/+/acks", UNIT, "DispatchAcks",
                "response unit acknowledgement: accept, arrive, resolve")),
        List.of(
            new HttpRoute("GET", "/open311/v2/services.json", "DispatchOpen311", Access.PUBLIC),
            new HttpRoute("POST", "/open311/v2/requests.json", "DispatchOpen311", Access.PUBLIC),
            new HttpRoute("POST", "/open311/v2/citizen/requests.json", "DispatchOpen311", Access.CITIZEN),
            new HttpRoute("GET", "/open311/v2/requests.json", "DispatchOpen311", Access.PUBLIC),
            new HttpRoute("GET", "/open311/v2/requests/{id}", "DispatchOpen311", Access.PUBLIC),
            new HttpRoute("POST", "/open311/v2/requests/{id}/feedback.json", "DispatchOpen311", Access.CITIZEN),
            new HttpRoute("GET", "/citizen/notifications", "DispatchOpen311", Access.CITIZEN),
            new HttpRoute("GET", "/open311/v2/discovery.json", "DispatchOpen311", Access.PUBLIC),
            new HttpRoute("GET", "/open311/v2/discovery.xml", "DispatchOpen311", Access.PUBLIC),
            new HttpRoute("GET", "/open311/v2/services.xml", "DispatchOpen311", Access.PUBLIC),
            new HttpRoute("GET", "/open311/v2/services/{code}", "DispatchOpen311", Access.PUBLIC),
            new HttpRoute("POST", "/open311/v2/requests.xml", "DispatchOpen311", Access.PUBLIC),
            new HttpRoute("POST", "/open311/v2/citizen/requests.xml", "DispatchOpen311", Access.CITIZEN),
            new HttpRoute("GET", "/open311/v2/requests.xml", "DispatchOpen311", Access.PUBLIC),
            new HttpRoute("POST", "/ops/workorders", "DispatchOpen311", Access.OPS),
            new HttpRoute("GET", "/ops/workorders", "DispatchOpsApi", Access.OPS),
            new HttpRoute("GET", "/ops/workorders/stats", "DispatchOpsApi", Access.OPS),
            new HttpRoute("GET", "/ops/workorders/{workOrderId}", "DispatchOpsApi", Access.OPS),
            new HttpRoute("POST", "/ops/workorders/{workOrderId}/resolve", "DispatchOpen311", Access.OPS),
            new HttpRoute("POST", "/ops/workorders/{workOrderId}/assign", "DispatchOpen311", Access.OPS),
            new HttpRoute("POST", "/ops/workorders/{workOrderId}/followup", "DispatchOpen311", Access.OPS),
            new HttpRoute("GET", "/ops/workorders/{workOrderId}/contacts", "DispatchOpen311", Access.OPS),
            new HttpRoute("GET", "/ops/incidents", "DispatchOpsApi", Access.OPS),
            new HttpRoute("GET", "/ops/incidents/{incidentId}", "DispatchOpsApi", Access.OPS),
            new HttpRoute("POST", "/ops/incidents/{incidentId}/confirm", "DispatchOpen311", Access.OPS),
            new HttpRoute("POST", "/ops/incidents/{incidentId}/reject", "DispatchOpen311", Access.OPS),
            new HttpRoute("GET", "/ops/units", "DispatchOpsApi", Access.OPS),
            new HttpRoute("GET", "/ops/dispatch/stats", "DispatchOpsApi", Access.OPS)),
        List.of(new Schedule("dispatch_sweep", "DispatchSweep", Duration.ofMinutes(1), "DISPATCH_SWEEP_PERIOD"),
            new Schedule("hotline_supervision", "DispatchSupervision", Duration.ofMinutes(1),
                "HOTLINE_SUPERVISION_PERIOD")))
        .withEvents(List.of(
            new EventType(IncidentEvents.SOURCE, IncidentEvents.OPENED,
                List.of("DispatchAlerts", "DispatchOpen311", "DispatchSystemIncidents"),
                "an incident was reported: by a sensor's alert, a citizen's request or the city system; where, what, how"
                    + " urgent"),
            new EventType(IncidentEvents.SOURCE, IncidentEvents.CLOSED,
                List.of("DispatchAcks", "DispatchOpen311", "DispatchSystemIncidents"),
                "an incident ended: its unit resolved it, or its department did, or the city system cleared it (or it was"
                    + " cancelled)"),
            new EventType(IncidentEvents.SOURCE, IncidentEvents.OVERDUE, List.of("DispatchSupervision"),
                "a work order missed a deadline: escalated to level 1 (the department's supervisor) or 2 (the command"
                    + " centre), once per level")),
            List.of(
                new EventRule("dispatch_parking_enforcement", OVERSTAY_PATTERN, "DispatchSystemIncidents",
                    "an overstay becomes a parking-enforcement incident for the nearest free warden"),
                new EventRule("dispatch_device_maintenance", DEVICE_HEALTH_PATTERN, "DispatchSystemIncidents",
                    "a silent device becomes a maintenance incident, closed when it speaks again"),
                new EventRule("dispatch_dock_faults", DOCK_FAULT_PATTERN, "DispatchSystemIncidents",
                    "a dock's fault becomes a maintenance incident at once, closed when it reports none")));
  }

  @Override
  public List<DeviceClass> deviceClasses() {
    return List.of(SAFETY_SENSOR, UNIT);
  }

  @Override
  public List<Device> devices(JsonNode section) {
    List<Device> devices = new ArrayList<>(Device.listed(section.path("sensors"), "sensorId", SAFETY_SENSOR));
    devices.addAll(Device.listed(section.path("units"), "unitId", UNIT));
    return devices;
  }
}
