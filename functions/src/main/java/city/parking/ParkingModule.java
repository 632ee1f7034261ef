package city.parking;

import city.catalog.Access;
import city.catalog.CityModule;
import city.catalog.Device;
import city.catalog.DeviceClass;
import city.catalog.Domain;
import city.catalog.EventRule;
import city.catalog.EventType;
import city.catalog.FunctionSpec;
import city.catalog.HttpRoute;
import city.catalog.Schedule;
import city.catalog.TableSpec;
import city.catalog.TopicRule;
import city.parking.api.EnforcementNoteHandler;
import city.parking.api.IncidentEventHandler;
import city.parking.api.OccupancyHandler;
import city.parking.api.ParkingApiHandler;
import city.parking.api.ParkingDevices;
import city.parking.api.ParkingOpsApiHandler;
import city.parking.api.ParkingSessionsApiHandler;
import city.parking.api.PaymentReconciliationHandler;
import city.parking.api.PlateReadHandler;
import city.parking.api.SensorSilenceHandler;
import city.parking.api.SettlementHandler;
import city.parking.core.EnforcementNote;
import city.parking.core.IncidentNotice;
import city.parking.core.OverstayEvent;
import city.parking.core.ParkingTable;
import city.platform.DeviceHealthNotice;
import city.platform.DynamoDeadLetterStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Parking: occupancy sensors and plate cameras feed sessions; the public availability API; citizens'
 * sessions, receipts and payments; ops and enforcement views; a settlement schedule (gap timeouts,
 * overstay alerts, arrears), a reconciliation schedule (refunds of interrupted payments); incidents on the city bus
 * close nearby spaces.
 */
public final class ParkingModule implements CityModule {
  /** The device classes by the module's name for them, where readers of the declarations look them up. */
  public static final DeviceClass SENSOR = ParkingDevices.SENSOR;
  public static final DeviceClass CAMERA = ParkingDevices.CAMERA;
  public static final String TABLE = "Parking";
  /** Dispatch's incident events (their contract is docs/events.md); categories and radius are the city file's. */
  static final String INCIDENT_PATTERN = "{\"source\": [\"" + IncidentNotice.SOURCE + "\"], \"detail-type\": [\""
      + IncidentNotice.OPENED + "\", \"" + IncidentNotice.CLOSED + "\"]}";
  /** The end of a warden's job that parking's overstay opened (rule 3; its source names the session). */
  static final String ENFORCEMENT_CLOSED_PATTERN = "{\"source\": [\"" + EnforcementNote.SOURCE + "\"], \"detail-type\": [\""
      + EnforcementNote.CLOSED + "\"], \"detail\": {\"category\": [\"" + EnforcementNote.CATEGORY + "\"],"
      + " \"source\": {\"domain\": [\"parking\"]}}}";

  /** The ops health check's word on parking sensors (rule 4). */
  static final String SENSOR_HEALTH_PATTERN = "{\"source\": [\"" + DeviceHealthNotice.SOURCE + "\"], \"detail-type\": [\""
      + DeviceHealthNotice.SILENT + "\", \"" + DeviceHealthNotice.BACK + "\"], \"detail\": {\"deviceClass\": [\""
      + SENSOR.wireName() + "\"]}}";

  @Override
  public Domain declarations() {
    TableSpec table = TableSpec.domainTable(TABLE, ParkingTable.ENV)
        .expiringBy("expiresAt").withPointInTimeRecovery().withDeletionProtection()
        .because("spaces, sessions and payments: money, so point-in-time recovery and deletion protection; TTL deletes"
            + " only the tombstones of ended incident closures");
    FunctionSpec occupancy = FunctionSpec.handledBy("ParkingOccupancy", OccupancyHandler.class)
        .memoryMb(512).timeoutSeconds(10).reservedConcurrency(20)
        .readsAndWrites(TABLE).writes(DynamoDeadLetterStore.TABLE_ID)
        .because("one consistent read and at most two single-item writes per message on the common path; 512 MB gives "
            + "the CPU share that keeps SDK calls near 10 ms; 20 in parallel absorb a district's morning peak");
    FunctionSpec plates = FunctionSpec.handledBy("ParkingPlates", PlateReadHandler.class)
        .memoryMb(512).timeoutSeconds(10).reservedConcurrency(10)
        .readsAndWrites(TABLE).writes(DynamoDeadLetterStore.TABLE_ID)
        .because("a read, a head read and one conditional write per plate read; fewer cameras than sensors, so half "
            + "the concurrency");
    FunctionSpec api = FunctionSpec.handledBy("ParkingApi", ParkingApiHandler.class)
        .memoryMb(512).timeoutSeconds(10).reservedConcurrency(20)
        .reads(TABLE)
        .because("reads a zone or a space; public and cacheable");
    FunctionSpec sessions = FunctionSpec.handledBy("ParkingSessionsApi", ParkingSessionsApiHandler.class)
        .memoryMb(512).timeoutSeconds(10).reservedConcurrency(10)
        .readsAndWrites(TABLE)
        .because("a citizen's sessions, receipts and payments: a few reads and conditional writes per request, plus the "
            + "payment provider's round trip; 10 s covers a slow provider");
    FunctionSpec ops = FunctionSpec.handledBy("ParkingOpsApi", ParkingOpsApiHandler.class)
        .memoryMb(1024).timeoutSeconds(29).reservedConcurrency(2)
        .reads(TABLE)
        .because("summaries read one query per zone and day (up to 93 days): 1024 MB for the JSON work, up to the HTTP "
            + "API's 29 s; few ops users, so 2 in parallel");
    FunctionSpec settlement = FunctionSpec.handledBy("ParkingSettlement", SettlementHandler.class)
        .memoryMb(512).timeoutSeconds(60).reservedConcurrency(1)
        .readsAndWrites(TABLE)
        .publishes(List.of("parking/enforcement/+"))
        .because("every 5 minutes: settles timed-out gaps, publishes overstay alerts (MQTT and the city bus), lists "
            + "arrears; one run at a time so an alert is never raced by a second run");
    FunctionSpec incidents = FunctionSpec.handledBy("ParkingIncidents", IncidentEventHandler.class)
        .memoryMb(512).timeoutSeconds(10).reservedConcurrency(5)
        .readsAndWrites(TABLE)
        .because("city bus: an incident nearby closes spaces, its end reopens them; one conditional put per space within"
            + " the radius, a handful at most");
    FunctionSpec notes = FunctionSpec.handledBy("ParkingEnforcementNotes", EnforcementNoteHandler.class)
        .memoryMb(512).timeoutSeconds(10).reservedConcurrency(2)
        .readsAndWrites(TABLE)
        .because("city bus: a warden's job for an overstay closed; one put of the session's note, a few a day");
    FunctionSpec silences = FunctionSpec.handledBy("ParkingSensorSilences", SensorSilenceHandler.class)
        .memoryMb(512).timeoutSeconds(10).reservedConcurrency(2)
        .readsAndWrites(TABLE)
        .because("city bus: a sensor went silent or came back; one head read and one conditional put per event, a few"
            + " a day");
    FunctionSpec reconciliation = FunctionSpec.handledBy("ParkingReconciliation", PaymentReconciliationHandler.class)
        .memoryMb(512).timeoutSeconds(60).reservedConcurrency(1)
        .readsAndWrites(TABLE)
        .because("every 15 minutes: refunds charges whose payment was interrupted before the session was marked paid "
            + "(one index query, usually empty); one run at a time, and the refund is claimed by a conditional write");
    return new Domain("parking",
        List.of(table),
        List.of(occupancy, plates, api, sessions, ops, settlement, incidents, notes, silences, reconciliation),
        List.of(
            TopicRule.fromDevices("parking_occupancy", "parking/spaces/+/occupancy", SENSOR, "ParkingOccupancy",
                "geomagnetic sensor: space occupied or free"),
            TopicRule.fromDevices("parking_plates", "parking/cameras/+/plates", CAMERA, "ParkingPlates",
                "plate camera: a plate read at one of the spaces it covers")),
        List.of(
            new HttpRoute("GET", "/parking/zones", "ParkingApi", Access.PUBLIC),
            new HttpRoute("GET", "/parking/zones/{zone}/availability", "ParkingApi", Access.PUBLIC),
            new HttpRoute("GET", "/parking/spaces/{spaceId}", "ParkingApi", Access.PUBLIC),
            new HttpRoute("GET", "/parking/sessions", "ParkingSessionsApi", Access.CITIZEN),
            new HttpRoute("GET", "/parking/sessions/{sessionId}", "ParkingSessionsApi", Access.CITIZEN),
            new HttpRoute("POST", "/parking/sessions/{sessionId}/payments", "ParkingSessionsApi", Access.CITIZEN),
            new HttpRoute("GET", "/ops/parking/spaces/{spaceId}/sessions", "ParkingOpsApi", Access.OPS),
            new HttpRoute("GET", "/ops/parking/arrears", "ParkingOpsApi", Access.OPS),
            new HttpRoute("GET", "/ops/parking/unidentified", "ParkingOpsApi", Access.OPS),
            new HttpRoute("GET", "/ops/parking/summary", "ParkingOpsApi", Access.OPS)),
        List.of(
            new Schedule("parking_settlement", "ParkingSettlement", Duration.ofMinutes(5), "PARKING_SETTLEMENT_PERIOD"),
            new Schedule("parking_reconcile", "ParkingReconciliation", Duration.ofMinutes(15),
                "PARKING_RECONCILE_PERIOD")))
        .withEvents(
            List.of(new EventType(OverstayEvent.SOURCE, OverstayEvent.TYPE, List.of("ParkingSettlement"),
                "a session stayed past its zone's maximum stay (once per session)")),
            List.of(
                new EventRule("parking_incident_closures", INCIDENT_PATTERN, "ParkingIncidents",
                    "an incident opened or closed: spaces near it close or reopen (integration.closeParking*)"),
                new EventRule("parking_enforcement_notes", ENFORCEMENT_CLOSED_PATTERN, "ParkingEnforcementNotes",
                    "a warden's job for an overstay closed: its session gets the enforcement note"),
                new EventRule("parking_sensor_silences", SENSOR_HEALTH_PATTERN, "ParkingSensorSilences",
                    "a parking sensor went silent or came back: its space shows unknown, then its status again")));
  }

  @Override
  public List<DeviceClass> deviceClasses() {
    return List.of(SENSOR, CAMERA);
  }

  /** A sensor per space of every zone (the space id is its thing name), and the plate cameras. */
  @Override
  public List<Device> devices(JsonNode section) {
    List<Device> devices = new ArrayList<>();
    for (JsonNode zone : section.path("zones")) {
      devices.addAll(Device.listed(zone.path("spaces"), "spaceId", SENSOR));
    }
    devices.addAll(Device.listed(section.path("cameras"), "cameraId", CAMERA));
    return devices;
  }
}
