package city.local.demo.bikeshare;

import city.local.demo.DeviceLink;
import city.local.demo.EventLoop;
import city.local.demo.SimClock;
import city.local.demo.TwinHttp;
import city.platform.GreatCircle;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A rebalancing truck. It keeps the task list with the greatest plan id it has received (a list may arrive
 * late or twice), drives its stops in order (via the depot where a trip says so, loading there to the trip's
 * starting load), moves the bikes at each station as far as the station and the truck allow, and reports
 * its progress ({@code planId}, {@code completedStops}) after each stop.
 */
final class SimulatedTruck {
  static final String DEVICE_CLASS = "trucks";
  private static final double DRIVING_KMH = 25;
  private static final Duration AT_STATION = Duration.ofMinutes(3);
  private static final Duration AT_DEPOT = Duration.ofMinutes(5);

  /** bikeshare/trucks/{truckId}/status (device contract). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Status(double lat, double lon, int load, String ts, String planId, Integer completedStops) {}

  private final String truckId;
  private final int capacity;
  private final double depotLat;
  private final double depotLon;
  private final SimClock clock;
  private final DeviceLink devices;
  private final EventLoop loop;
  private final Function<String, SimulatedStation> stations;
  private final BiConsumer<SimulatedStation, Instant> stationChanged;
  private double lat;
  private double lon;
  private int load;
  private String planId;
  private List<JsonNode> stops = List.of();
  private Map<Integer, JsonNode> trips = Map.of();
  private int generation;
  private final AtomicInteger listsAdopted = new AtomicInteger();
  private final AtomicInteger completed = new AtomicInteger();
  private final AtomicInteger totalStops = new AtomicInteger();
  private final AtomicInteger pickedUp = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();

  SimulatedTruck(String truckId, int capacity, double lat, double lon, double depotLat, double depotLon, SimClock clock,
      DeviceLink devices, EventLoop loop, Function<String, SimulatedStation> stations,
      BiConsumer<SimulatedStation, Instant> stationChanged) {
    this.truckId = truckId;
    this.capacity = capacity;
    this.lat = lat;
    this.lon = lon;
    this.depotLat = depotLat;
    this.depotLon = depotLon;
    this.clock = clock;
    this.devices = devices;
    this.loop = loop;
    this.stations = stations;
    this.stationChanged = stationChanged;
  }

  /** Position and load, and the progress on the current list when there is one. */
  void report(Instant at) {
    devices.publish(DEVICE_CLASS, "bikeshare/trucks/" + truckId + "/status", new Status(lat, lon, load,
        clock.deviceTime(at), planId, planId == null ? null : completed.get()));
  }

  /** A task list (device contract: planId, stops, trips); older or repeated lists change nothing. */
  void tasks(JsonNode message, Instant at) {
    String received = message.path("planId").asText();
    if (received.isEmpty() || (planId != null && received.compareTo(planId) <= 0)) {
      return;
    }
    planId = received;
    listsAdopted.incrementAndGet();
    List<JsonNode> list = new ArrayList<>();
    message.path("stops").forEach(list::add);
    Map<Integer, JsonNode> byNumber = new HashMap<>();
    message.path("trips").forEach(trip -> byNumber.put(trip.path("trip").asInt(), trip));
    stops = List.copyOf(list);
    trips = Map.copyOf(byNumber);
    completed.set(0);
    totalStops.set(stops.size());
    int current = ++generation;
    report(at);
    driveOn(current, at);
  }

  /** Task lists taken up (each newer than the one before). */
  int listsAdopted() {
    return listsAdopted.get();
  }

  int completedStops() {
    return completed.get();
  }

  int totalStops() {
    return totalStops.get();
  }

  int bikesPickedUp() {
    return pickedUp.get();
  }

  int bikesDropped() {
    return dropped.get();
  }

  private void driveOn(int list, Instant at) {
    int index = completed.get();
    if (list != generation || index >= stops.size()) {
      return;
    }
    JsonNode stop = stops.get(index);
    int trip = stop.path("trip").asInt();
    boolean newTrip = index == 0 || stops.get(index - 1).path("trip").asInt() != trip;
    JsonNode tripPlan = trips.get(trip);
    boolean viaDepot = newTrip && tripPlan != null && tripPlan.path("viaDepot").asBoolean();
    SimulatedStation station = stations.apply(stop.path("stationId").asText());
    if (station == null) {
      System.err.println("demo: truck " + truckId + " was sent to unknown station " + stop.path("stationId").asText());
      return;
    }
    Duration drive = viaDepot
        ? travel(lat, lon, depotLat, depotLon).plus(AT_DEPOT).plus(travel(depotLat, depotLon, station.lat(), station.lon()))
        : travel(lat, lon, station.lat(), station.lon());
    loop.after(at, drive.plus(AT_STATION), arrived -> {
      if (list != generation) {
        return;
      }
      if (viaDepot) {
        load = Math.max(0, Math.min(capacity, tripPlan.path("loadAtStart").asInt(load)));
      }
      if (stop.hasNonNull("pickup")) {
        int taken = station.take(Math.min(stop.path("pickup").asInt(), capacity - load));
        load += taken;
        pickedUp.addAndGet(taken);
      } else {
        int docked = station.put(Math.min(stop.path("drop").asInt(), load));
        load -= docked;
        dropped.addAndGet(docked);
      }
      lat = station.lat();
      lon = station.lon();
      completed.incrementAndGet();
      stationChanged.accept(station, arrived);
      report(arrived);
      driveOn(list, arrived);
    });
  }

  private static Duration travel(double fromLat, double fromLon, double toLat, double toLon) {
    return Duration.ofSeconds(Math.round((GreatCircle.meters(fromLat, fromLon, toLat, toLon) / 1000) / DRIVING_KMH * 3600));
  }
}
