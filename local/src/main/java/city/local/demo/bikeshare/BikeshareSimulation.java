package city.local.demo.bikeshare;

import city.local.demo.DeviceLink;
import city.local.demo.EventLoop;
import city.local.demo.SimClock;
import city.local.demo.TwinHttp;
import city.platform.City;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executor;

/**
 * Bike share in the morning: docks report their counts every few minutes while riders empty the stations
 * near homes and fill those near offices; trucks report position and load. Two thirds into the run an
 * operator asks for a rebalancing plan; the trucks receive their task lists on
 * {@code bikeshare/trucks/+/tasks} and carry them out.
 */
final class BikeshareSimulation {
  static final String DOCKS = "docks";
  static final Duration REPORT_EVERY = Duration.ofMinutes(5);

  /** bikeshare/stations/{stationId}/status (device contract). */
  record StationStatus(int bikes, int docks, String ts) {}

  /** What the operator's plan request answered; {@code planId} is null when it made no plan. */
  private record PlanRequest(int status, String planId) {}

  private final SimClock clock;
  private final DeviceLink devices;
  private final EventLoop loop;
  private final TwinHttp http;
  private final Executor apps;
  private final String opsToken;
  private final Random random;
  private final Map<String, SimulatedStation> stations = new LinkedHashMap<>();
  private final Map<String, SimulatedTruck> trucks = new LinkedHashMap<>();
  private volatile PlanRequest planRequest;

  BikeshareSimulation(City city, SimClock clock, DeviceLink devices, EventLoop loop, TwinHttp http, Executor apps,
      String opsToken, long seed) {
    this.clock = clock;
    this.devices = devices;
    this.loop = loop;
    this.http = http;
    this.apps = apps;
    this.opsToken = opsToken;
    this.random = new Random(seed * 31 + 3);
    JsonNode section = city.section("bikeshare");
    SimulatedStation.Role[] roles = SimulatedStation.Role.values();
    for (JsonNode station : section.path("stations")) {
      String stationId = station.path("stationId").asText();
      stations.put(stationId, new SimulatedStation(stationId, station.path("capacity").asInt(),
          station.path("lat").asDouble(), station.path("lon").asDouble(), roles[random.nextInt(roles.length)]));
    }
    JsonNode info = city.root().path("city");
    double depotLat = section.path("depot").path("lat").asDouble(info.path("lat").asDouble());
    double depotLon = section.path("depot").path("lon").asDouble(info.path("lon").asDouble());
    for (JsonNode truck : section.path("trucks")) {
      String truckId = truck.path("truckId").asText();
      trucks.put(truckId, new SimulatedTruck(truckId, truck.path("capacity").asInt(),
          truck.path("lat").asDouble(depotLat), truck.path("lon").asDouble(depotLon), depotLat, depotLon, clock, devices,
          loop, stations::get, this::reportStation));
    }
  }

  void start(Instant start, Instant end) {
    devices.subscribe(SimulatedTruck.DEVICE_CLASS, "bikeshare/trucks/+/tasks", (topic, tasks) -> {
      SimulatedTruck truck = trucks.get(topic.split("/")[2]);
      if (truck != null) {
        loop.now(at -> truck.tasks(tasks, at));
      }
    });
    int i = 0;
    for (SimulatedStation station : stations.values()) {
      loop.at(start.plusSeconds(20L * i++), at -> stationTick(station, at, Duration.ZERO));
    }
    for (SimulatedTruck truck : trucks.values()) {
      loop.at(start.plusSeconds(20L * i++), at -> truckTick(truck, at));
    }
    Duration run = Duration.between(start, end);
    loop.at(start.plus(run.multipliedBy(2).dividedBy(3)), at -> requestPlan());
  }

  String progress() {
    PlanRequest plan = planRequest;
    int done = trucks.values().stream().mapToInt(SimulatedTruck::completedStops).sum();
    int total = trucks.values().stream().mapToInt(SimulatedTruck::totalStops).sum();
    int bikes = stations.values().stream().mapToInt(SimulatedStation::bikes).sum();
    String planText = plan == null ? "no plan yet"
        : plan.planId() == null ? "plan request answered " + plan.status()
        : String.format("plan %d/%d stops done, %d bikes picked up, %d dropped", done, total, bikesPickedUp(),
            bikesDropped());
    return String.format("bikes %d docked, %d stations empty, %d full, %s", bikes,
        stations.values().stream().filter(s -> s.bikes() == 0).count(),
        stations.values().stream().filter(s -> s.docks() == 0).count(), planText);
  }

  /** Bikes the trucks actually loaded at stations (the plan may have expected more or fewer). */
  int bikesPickedUp() {
    return trucks.values().stream().mapToInt(SimulatedTruck::bikesPickedUp).sum();
  }

  /** Task lists the trucks took up: the plans that reached them over MQTT. */
  int taskListsAdopted() {
    return trucks.values().stream().mapToInt(SimulatedTruck::listsAdopted).sum();
  }

  int bikesDropped() {
    return trucks.values().stream().mapToInt(SimulatedTruck::bikesDropped).sum();
  }


  private void stationTick(SimulatedStation station, Instant at, Duration since) {
    station.ride(since, random);
    reportStation(station, at);
    loop.after(at, REPORT_EVERY, next -> stationTick(station, next, REPORT_EVERY));
  }

  private void truckTick(SimulatedTruck truck, Instant at) {
    truck.report(at);
    loop.after(at, REPORT_EVERY, next -> truckTick(truck, next));
  }

  private void reportStation(SimulatedStation station, Instant at) {
    devices.publish(DOCKS, "bikeshare/stations/" + station.stationId() + "/status",
        new StationStatus(station.bikes(), station.docks(), clock.deviceTime(at)));
  }

  /** The operator's console posts the request off the devices' timeline. */
  private void requestPlan() {
    apps.execute(() -> {
      TwinHttp.Reply reply = http.postJson("/ops/bikeshare/plans", opsToken, Map.of(), Map.of());
      if (reply.status() == 201) {
        planRequest = new PlanRequest(201, reply.body().path("planId").asText());
      } else {
        planRequest = new PlanRequest(reply.status(), null);
        System.err.println("demo: the plan request answered " + reply.status() + ": " + reply.text());
      }
    });
  }
}
