package city.catalog;

import java.util.List;
import java.util.Optional;

/** Parking: occupancy sensors, the public availability API. */
final class ParkingDeclarations {
  private ParkingDeclarations() {}

  static Domain domain() {
    TableSpec table = Tables.domainTable("Parking", "PARKING_TABLE", Optional.empty(), true, true,
        "spaces, sessions and payments: money, so point-in-time recovery and deletion protection");
    FunctionSpec occupancy = new FunctionSpec("ParkingOccupancy", "city.parking.OccupancyHandler", 512, 10, 20,
        List.of("Parking", "Platform"), List.of(),
        "one conditional write per message; 512 MB gives the CPU share that keeps SDK calls near 10 ms");
    FunctionSpec api = new FunctionSpec("ParkingApi", "city.parking.ParkingApiHandler", 512, 10, 20,
        List.of("Parking"), List.of(),
        "reads a zone or a space; public and cacheable");
    return new Domain("parking",
        List.of(table),
        List.of(occupancy, api),
        List.of(new TopicRule("parking_occupancy", RuleSql.device("parking/spaces/+/occupancy", 3),
            "ParkingOccupancy", "parking-sensor", "geomagnetic sensor: space occupied or free")),
        List.of(
            new HttpRoute("GET", "/parking/zones", "ParkingApi", Access.PUBLIC),
            new HttpRoute("GET", "/parking/zones/{zone}/availability", "ParkingApi", Access.PUBLIC),
            new HttpRoute("GET", "/parking/spaces/{spaceId}", "ParkingApi", Access.PUBLIC)),
        List.of());
  }
}
