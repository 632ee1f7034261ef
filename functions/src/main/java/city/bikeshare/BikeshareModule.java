package city.bikeshare;

import city.bikeshare.api.BikeshareDevices;
import city.bikeshare.api.DockSilenceHandler;
import city.bikeshare.api.GbfsApiHandler;
import city.bikeshare.api.PlanApiHandler;
import city.bikeshare.api.PlanScheduleHandler;
import city.bikeshare.api.StationIncidentHandler;
import city.bikeshare.api.StationStatusHandler;
import city.bikeshare.core.service.DockFaults;
import city.bikeshare.api.TruckStatusHandler;
import city.bikeshare.core.BikeshareTable;
import city.bikeshare.core.closure.IncidentNotice;
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
import city.platform.DeviceHealthNotice;
import city.platform.DynamoDeadLetterStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Bike-share: dock and truck reports, the public GBFS feeds, the rebalancing planner and its ops routes; incidents on
 * the city bus close nearby stations.
 */
public final class BikeshareModule implements CityModule {
  public static final DeviceClass DOCK = BikeshareDevices.DOCK;
  public static final DeviceClass TRUCK = BikeshareDevices.TRUCK;
  public static final String TABLE = "Bikeshare";
  private static final List<String> GBFS_FILES = List.of("gbfs", "gbfs_versions", "system_information",
      "vehicle_types", "station_information", "station_status", "system_pricing_plans", "system_alerts");
  private static final List<String> TRUCK_TASKS = List.of("bikeshare/trucks/+/tasks");
  /** Dispatch's incident events (their contract is docs/events.md); categories and radius are the city file's. */
  static final String INCIDENT_PATTERN = "{\"source\": [\"" + IncidentNotice.SOURCE + "\"], \"detail-type\": [\""
      + IncidentNotice.OPENED + "\", \"" + IncidentNotice.CLOSED + "\"]}";

  /** The ops health check's word on dock controllers (rule 4). */
  static final String DOCK_HEALTH_PATTERN = "{\"source\": [\"" + DeviceHealthNotice.SOURCE + "\"], \"detail-type\": [\""
      + DeviceHealthNotice.SILENT + "\", \"" + DeviceHealthNotice.BACK + "\"], \"detail\": {\"deviceClass\": [\""
      + DOCK.wireName() + "\"]}}";

  @Override
  public Domain declarations() {
    TableSpec table = TableSpec.domainTable(TABLE, BikeshareTable.ENV)
        .expiringBy("expiresAt")
        .because("latest station and truck status, hourly demand history and plans, all rebuilt from device reports "
            + "within weeks, and incident closures, which last as long as their incidents: no backups; history, plans and "
            + "ended closures expire by TTL (free deletes)");
    FunctionSpec stationStatus = FunctionSpec.handledBy("BikeshareStationStatus", StationStatusHandler.class)
        .memoryMb(512).timeoutSeconds(10).reservedConcurrency(20)
        .readsAndWrites(TABLE).writes(DynamoDeadLetterStore.TABLE_ID)
        .because("two small conditional writes per dock report (latest status, hour bucket); 512 MB gives the CPU share "
            + "that keeps SDK calls near 10 ms");
    FunctionSpec truckStatus = FunctionSpec.handledBy("BikeshareTruckStatus", TruckStatusHandler.class)
        .memoryMb(512).timeoutSeconds(10).reservedConcurrency(5)
        .readsAndWrites(TABLE).writes(DynamoDeadLetterStore.TABLE_ID)
        .because("a handful of trucks reporting every few seconds: one write, plus progress and truck moves when a stop is done");
    FunctionSpec gbfs = FunctionSpec.handledBy("BikeshareGbfs", GbfsApiHandler.class)
        .memoryMb(1024).timeoutSeconds(10).reservedConcurrency(20)
        .reads(TABLE)
        .because("public GBFS feeds: station_status is one query and a serialisation of every station, which for a "
            + "city of tens of thousands of stations is CPU-bound; responses are cacheable for their ttl");
    String planningWhy = "builds a plan: reads status and a few hours of demand history, runs the solver for up to "
        + "its time cap (CPU scales with memory: 2048 MB is more than one vCPU), publishes one message per truck; "
        + "60 s leaves room for a large city's history queries; one at a time is all planning needs";
    FunctionSpec planApi = FunctionSpec.handledBy("BikeshareOps", PlanApiHandler.class)
        .memoryMb(2048).timeoutSeconds(60).reservedConcurrency(2)
        .readsAndWrites(TABLE).publishes(TRUCK_TASKS)
        .because(planningWhy);
    FunctionSpec planner = FunctionSpec.handledBy("BikesharePlanner", PlanScheduleHandler.class)
        .memoryMb(2048).timeoutSeconds(60).reservedConcurrency(1)
        .readsAndWrites(TABLE).publishes(TRUCK_TASKS)
        .because(planningWhy);
    FunctionSpec incidents = FunctionSpec.handledBy("BikeshareIncidents", StationIncidentHandler.class)
        .memoryMb(2048).timeoutSeconds(60).reservedConcurrency(2)
        .readsAndWrites(TABLE).publishes(TRUCK_TASKS)
        .because("city bus: an incident nearby closes stations (one conditional put per station within the radius), its "
            + "end reopens them; when the latest plan still sends a truck there it plans again, so it is sized like the "
            + "planner");
    FunctionSpec dockSilences = FunctionSpec.handledBy("BikeshareDockSilences", DockSilenceHandler.class)
        .memoryMb(512).timeoutSeconds(10).reservedConcurrency(2)
        .readsAndWrites(TABLE)
        .because("city bus: a dock controller went silent or came back; one conditional put per event, a few a day");

    List<HttpRoute> routes = new ArrayList<>();
    for (String file : GBFS_FILES) {
      routes.add(new HttpRoute("GET", "/gbfs/" + file + ".json", "BikeshareGbfs", Access.PUBLIC));
    }
    routes.add(new HttpRoute("POST", "/ops/bikeshare/plans", "BikeshareOps", Access.OPS));
    routes.add(new HttpRoute("GET", "/ops/bikeshare/plans/latest", "BikeshareOps", Access.OPS));

    return new Domain("bikeshare",
        List.of(table),
        List.of(stationStatus, truckStatus, gbfs, planApi, planner, incidents, dockSilences),
        List.of(
            TopicRule.fromDevices("bikeshare_station_status", "bikeshare/stations/+/status", DOCK,
                "BikeshareStationStatus", "dock controller: bikes docked and docks free"),
            TopicRule.fromDevices("bikeshare_truck_status", "bikeshare/trucks/+/status", TRUCK,
                "BikeshareTruckStatus", "rebalancing truck: position, load, progress on its task list")),
        routes,
        List.of(new Schedule("bikeshare_plan", "BikesharePlanner", Duration.ofMinutes(20), "BIKESHARE_PLAN_PERIOD")))
        .withEvents(List.of(
            new EventType(DockFaults.SOURCE, DockFaults.FAULT, List.of("BikeshareStationStatus"),
                "a dock controller reported a fault (station status \"fault\")"),
            new EventType(DockFaults.SOURCE, DockFaults.CLEARED, List.of("BikeshareStationStatus"),
                "a dock controller that reported a fault reported none")),
            List.of(
                new EventRule("bikeshare_incident_closures", INCIDENT_PATTERN, "BikeshareIncidents",
                    "an incident opened or closed: stations near it close or reopen (integration.closeStation*)"),
                new EventRule("bikeshare_dock_silences", DOCK_HEALTH_PATTERN, "BikeshareDockSilences",
                    "a dock controller went silent or came back: its station stops renting, then rents again")));
  }

  @Override
  public List<DeviceClass> deviceClasses() {
    return List.of(DOCK, TRUCK);
  }

  @Override
  public List<Device> devices(JsonNode section) {
    List<Device> devices = new ArrayList<>(Device.listed(section.path("stations"), "stationId", DOCK));
    devices.addAll(Device.listed(section.path("trucks"), "truckId", TRUCK));
    return devices;
  }
}
