package city.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Parking: occupancy sensors and plate cameras feed sessions; the public availability API; citizens'
 * sessions, receipts and payments; ops and enforcement views; a settlement schedule (gap timeouts,
 * overstay alerts, arrears).
 */
final class ParkingDeclarations {
  private ParkingDeclarations() {}

  static Domain domain() {
    TableSpec table = Tables.domainTable("Parking", "PARKING_TABLE", Optional.empty(), true, true,
        "spaces, sessions and payments: money, so point-in-time recovery and deletion protection");
    FunctionSpec occupancy = new FunctionSpec("ParkingOccupancy", "city.parking.OccupancyHandler", 512, 10, 20,
        List.of("Parking", "Platform"), List.of(),
        "one consistent read and at most two single-item writes per message on the common path; 512 MB gives "
            + "the CPU share that keeps SDK calls near 10 ms; 20 in parallel absorb a district's morning peak");
    FunctionSpec plates = new FunctionSpec("ParkingPlates", "city.parking.PlateReadHandler", 512, 10, 10,
        List.of("Parking", "Platform"), List.of(),
        "a read, a head read and one conditional write per plate read; fewer cameras than sensors, so half "
            + "the concurrency");
    FunctionSpec api = new FunctionSpec("ParkingApi", "city.parking.ParkingApiHandler", 512, 10, 20,
        List.of("Parking"), List.of(),
        "reads a zone or a space; public and cacheable");
    FunctionSpec sessions = new FunctionSpec("ParkingSessionsApi", "city.parking.ParkingSessionsApiHandler", 512, 10, 10,
        List.of("Parking"), List.of(),
        "a citizen's sessions, receipts and payments: a few reads and conditional writes per request, plus the "
            + "payment provider's round trip; 10 s covers a slow provider");
    FunctionSpec ops = new FunctionSpec("ParkingOpsApi", "city.parking.ParkingOpsApiHandler", 1024, 29, 2,
        List.of("Parking"), List.of(),
        "summaries read one query per zone and day (up to 93 days): 1024 MB for the JSON work, up to the HTTP "
            + "API's 29 s; few ops users, so 2 in parallel");
    FunctionSpec settlement = new FunctionSpec("ParkingSettlement", "city.parking.SettlementHandler", 512, 60, 1,
        List.of("Parking"), List.of("parking/enforcement/+"),
        "every 5 minutes: settles timed-out gaps, publishes overstay alerts, lists arrears; one run at a time so "
            + "an alert is never raced by a second run");
    return new Domain("parking",
        List.of(table),
        List.of(occupancy, plates, api, sessions, ops, settlement),
        List.of(
            new TopicRule("parking_occupancy", RuleSql.device("parking/spaces/+/occupancy", 3),
                "ParkingOccupancy", "parking-sensor", "geomagnetic sensor: space occupied or free"),
            new TopicRule("parking_plates", RuleSql.device("parking/cameras/+/plates", 3),
                "ParkingPlates", "plate-camera", "plate camera: a plate read at one of the spaces it covers")),
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
        List.of(new Schedule("parking_settlement", "ParkingSettlement", Duration.ofMinutes(5),
            "PARKING_SETTLEMENT_PERIOD")));
  }
}
