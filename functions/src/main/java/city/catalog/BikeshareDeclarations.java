package city.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Bike-share: dock and truck reports, the public GBFS feeds, the rebalancing planner and its ops routes. */
final class BikeshareDeclarations {
  private static final List<String> GBFS_FILES = List.of("gbfs", "gbfs_versions", "system_information",
      "vehicle_types", "station_information", "station_status", "system_pricing_plans");

  private BikeshareDeclarations() {}

  static Domain domain() {
    TableSpec table = Tables.domainTable("Bikeshare", "BIKESHARE_TABLE", Optional.of("expiresAt"), false, false,
        "latest station and truck status, hourly demand history and plans: all rebuilt from device reports "
            + "within weeks, so no backups; history and plans expire by TTL (free deletes)");
    FunctionSpec stationStatus = new FunctionSpec("BikeshareStationStatus", "city.bikeshare.StationStatusHandler",
        512, 10, 20, List.of("Bikeshare", "Platform"), List.of(),
        "two small conditional writes per dock report (latest status, hour bucket); 512 MB gives the CPU share "
            + "that keeps SDK calls near 10 ms");
    FunctionSpec truckStatus = new FunctionSpec("BikeshareTruckStatus", "city.bikeshare.TruckStatusHandler",
        512, 10, 5, List.of("Bikeshare", "Platform"), List.of(),
        "a handful of trucks reporting every few seconds: one write, plus progress and truck moves when a stop is done");
    FunctionSpec gbfs = new FunctionSpec("BikeshareGbfs", "city.bikeshare.GbfsApiHandler",
        1024, 10, 20, List.of("Bikeshare"), List.of(),
        "public GBFS feeds: station_status is one query and a serialisation of every station, which for a "
            + "city of tens of thousands of stations is CPU-bound; responses are cacheable for their ttl");
    String planningWhy = "builds a plan: reads status and a few hours of demand history, runs the solver for up to "
        + "its time cap (CPU scales with memory: 2048 MB is more than one vCPU), publishes one message per truck; "
        + "60 s leaves room for a large city's history queries; one at a time is all planning needs";
    FunctionSpec planApi = new FunctionSpec("BikeshareOps", "city.bikeshare.PlanApiHandler",
        2048, 60, 2, List.of("Bikeshare"), List.of("bikeshare/trucks/+/tasks"), planningWhy);
    FunctionSpec planner = new FunctionSpec("BikesharePlanner", "city.bikeshare.PlanScheduleHandler",
        2048, 60, 1, List.of("Bikeshare"), List.of("bikeshare/trucks/+/tasks"), planningWhy);

    List<HttpRoute> routes = new ArrayList<>();
    for (String file : GBFS_FILES) {
      routes.add(new HttpRoute("GET", "/gbfs/" + file + ".json", "BikeshareGbfs", Access.PUBLIC));
    }
    routes.add(new HttpRoute("POST", "/ops/bikeshare/plans", "BikeshareOps", Access.OPS));
    routes.add(new HttpRoute("GET", "/ops/bikeshare/plans/latest", "BikeshareOps", Access.OPS));

    return new Domain("bikeshare",
        List.of(table),
        List.of(stationStatus, truckStatus, gbfs, planApi, planner),
        List.of(
            new TopicRule("bikeshare_station_status", RuleSql.device("bikeshare/stations/+/status", 3),
                "BikeshareStationStatus", "dock", "dock controller: bikes docked and docks free"),
            new TopicRule("bikeshare_truck_status", RuleSql.device("bikeshare/trucks/+/status", 3),
                "BikeshareTruckStatus", "truck", "rebalancing truck: position, load, progress on its task list")),
        routes,
        List.of(new Schedule("bikeshare_plan", "BikesharePlanner", Duration.ofMinutes(20), "BIKESHARE_PLAN_PERIOD")));
  }
}
