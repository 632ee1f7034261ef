package city.local.demo.dispatch;

import city.local.demo.DeviceLink;
import city.local.demo.EventLoop;
import city.local.demo.SimClock;
import city.local.demo.TwinHttp;
import city.platform.City;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Incidents: safety sensors raise alerts at random times (some repeat a few minutes later, which dispatch
 * merges), two residents report over Open311, and the response units work the orders they receive on
 * {@code units/+/dispatch}. The first order to a unit of a kind with more than one unit is ignored, so
 * dispatch has to escalate it to the next unit after its acknowledgement timeout. The residents report
 * anonymously, so the urgent (medical) report waits for a call-taker, who confirms it a minute later.
 */
final class DispatchSimulation {
  static final String SENSORS = "safety-sensors";

  /** Alert categories (FIWARE Alert vocabulary) by the kind of sensor that raises them. */
  private static final Map<String, String> CATEGORY_BY_SENSOR = Map.of(
      "smoke", "fire", "gas", "gas", "flood", "flood", "collision", "traffic", "intrusion", "security");
  private static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");
  private static final double[] SEVERITY_WEIGHTS = {0.25, 0.35, 0.30, 0.10};
  private static final double REPEAT_SHARE = 0.2;
  private static final Duration CALL_TAKER_CONFIRMS_AFTER = Duration.ofMinutes(1);

  /** safety/sensors/{sensorId}/alerts (device contract). */
  record Alert(String category, @JsonInclude(JsonInclude.Include.NON_NULL) String subCategory, String severity,
      double lat, double lon, String ts) {}

  private record Sensor(String sensorId, String kind, double lat, double lon) {}

  /** What a resident told Open311, and what it answered. */
  record Report(String serviceCode, String requestId, int status) {}

  private final SimClock clock;
  private final DeviceLink devices;
  private final EventLoop loop;
  private final TwinHttp http;
  private final Executor apps;
  private final String opsToken;
  private final long seed;
  private final Random random;
  private final List<Sensor> sensors = new ArrayList<>();
  private final Map<String, SimulatedUnit> units = new LinkedHashMap<>();
  private final Map<String, Integer> unitsPerKind = new LinkedHashMap<>();
  private final double centreLat;
  private final double centreLon;
  private final List<Report> reports = new CopyOnWriteArrayList<>();
  private final Optional<Sensor> collisionSensor;
  private final Optional<CityCollision> collision;
  private volatile CompletableFuture<Void> collisionWatch = CompletableFuture.completedFuture(null);
  private final AtomicInteger alerts = new AtomicInteger();
  private final AtomicInteger repeats = new AtomicInteger();
  private boolean silenceUsed;

  DispatchSimulation(City city, SimClock clock, DeviceLink devices, EventLoop loop, TwinHttp http, Executor apps,
      String opsToken, long seed) {
    this.clock = clock;
    this.devices = devices;
    this.loop = loop;
    this.http = http;
    this.apps = apps;
    this.opsToken = opsToken;
    this.seed = seed;
    this.random = new Random(seed * 31 + 2);
    JsonNode section = city.section("dispatch");
    for (JsonNode sensor : section.path("sensors")) {
      sensors.add(new Sensor(sensor.path("sensorId").asText(), sensor.path("kind").asText(),
          sensor.path("lat").asDouble(), sensor.path("lon").asDouble()));
    }
    for (JsonNode unit : section.path("units")) {
      SimulatedUnit simulated = new SimulatedUnit(unit.path("unitId").asText(), unit.path("kind").asText(),
          unit.path("lat").asDouble(), unit.path("lon").asDouble(), clock, devices, loop, new Random(random.nextLong()));
      units.put(simulated.unitId(), simulated);
      unitsPerKind.merge(simulated.kind(), 1, Integer::sum);
    }
    // the city bus joins the domains: a collision sensor reports one collision by a bike station and parking (rules 1, 2)
    this.collisionSensor = sensors.stream().filter(s -> s.kind().equals("collision")).findFirst();
    this.collision = collisionSensor.isPresent() ? CityCollision.in(city) : Optional.empty();
    JsonNode info = city.root().path("city");
    this.centreLat = info.path("lat").asDouble();
    this.centreLon = info.path("lon").asDouble();
  }

  /** Units listen for orders and report for duty; alerts and reports are placed on the timeline. */
  void start(Instant start, Instant end) {
    devices.subscribe(SimulatedUnit.DEVICE_CLASS, "units/+/dispatch",
        (topic, order) -> loop.now(at -> order(topic.split("/")[1], order, at)));
    int i = 0;
    for (SimulatedUnit unit : units.values()) {
      loop.at(start.plusSeconds(i++), unit::reportAvailable);
    }
    if (sensors.isEmpty()) {
      return;
    }
    Duration run = Duration.between(start, end);
    Sensor first = sensors.stream().filter(s -> s.kind().equals("smoke")).findFirst().orElse(sensors.get(0));
    loop.at(start.plus(run.multipliedBy(4).dividedBy(100)), at -> alert(first, "high", at));
    collision.ifPresent(c -> loop.at(start.plus(run.multipliedBy(10).dividedBy(100)),
        at -> collide(collisionSensor.orElseThrow(), c, at)));
    int count = Math.max(3, (int) (run.toMinutes() / 18));
    List<Instant> times = new ArrayList<>();
    for (int n = 1; n < count; n++) {
      times.add(start.plus(Duration.ofMillis((long) (run.toMillis() * (0.08 + 0.77 * random.nextDouble())))));
    }
    Collections.sort(times);
    for (Instant time : times) {
      Sensor sensor = sensors.get(random.nextInt(sensors.size()));
      int severity = weightedSeverity();
      loop.at(time, at -> alert(sensor, SEVERITIES.get(severity), at));
      if (random.nextDouble() < REPEAT_SHARE) {
        String worse = SEVERITIES.get(Math.min(SEVERITIES.size() - 1, severity + 1));
        loop.at(time.plusSeconds(60 + random.nextInt(181)), at -> {
          alert(sensor, worse, at);
          repeats.incrementAndGet();
        });
      }
    }
    loop.at(start.plus(run.multipliedBy(30).dividedBy(100)), at -> report(at, 1, "pothole",
        "Deep pothole in the right lane, cars swerve around it", offset(0.004, -0.003)));
    loop.at(start.plus(run.multipliedBy(55).dividedBy(100)), at -> report(at, 2, "medical",
        "An elderly man fell at the bus stop and cannot get up", offset(-0.006, 0.005)));
  }

  String progress() {
    int orders = units.values().stream().mapToInt(SimulatedUnit::orders).sum();
    int accepted = units.values().stream().mapToInt(SimulatedUnit::accepted).sum();
    int resolved = units.values().stream().mapToInt(SimulatedUnit::resolved).sum();
    int cancels = units.values().stream().mapToInt(SimulatedUnit::cancels).sum();
    return String.format("dispatch %d alerts + %d reports, %d orders, %d accepted, %d resolved, %d withdrawn",
        alerts.get(), reports.size(), orders, accepted, resolved, cancels);
  }

  List<Report> reports() {
    return List.copyOf(reports);
  }

  int alerts() {
    return alerts.get();
  }

  /** Alerts that repeated a sensor's alert of a few minutes before: dispatch merges them into its incident. */
  int repeatedAlerts() {
    return repeats.get();
  }

  /** Orders the units received, the ignored ones included. */
  int orders() {
    return units.values().stream().mapToInt(SimulatedUnit::orders).sum();
  }

  int silences() {
    return units.values().stream().mapToInt(SimulatedUnit::silences).sum();
  }

  private void order(String unitId, JsonNode order, Instant at) {
    SimulatedUnit unit = units.get(unitId);
    String incidentId = order.path("incidentId").asText();
    if (unit == null || incidentId.isEmpty()) {
      return;
    }
    switch (order.path("action").asText()) {
      case "assign" -> {
        if (!silenceUsed && unitsPerKind.getOrDefault(unit.kind(), 0) > 1) {
          silenceUsed = true;
          unit.ignore(incidentId);
        } else {
          unit.assign(incidentId, order.path("lat").asDouble(), order.path("lon").asDouble(), at);
        }
      }
      case "cancel" -> unit.cancel(incidentId, at);
      default -> System.err.println("demo: unit " + unitId + " got an order it does not know: " + order);
    }
  }

  private void alert(Sensor sensor, String severity, Instant at) {
    String category = CATEGORY_BY_SENSOR.getOrDefault(sensor.kind(), sensor.kind());
    devices.publish(SENSORS, "safety/sensors/" + sensor.sensorId() + "/alerts",
        new Alert(category, null, severity, sensor.lat(), sensor.lon(), clock.deviceTime(at)));
    alerts.incrementAndGet();
  }

  /** A traffic collision; the riders' and drivers' apps then watch until the closures show. */
  private void collide(Sensor sensor, CityCollision where, Instant at) {
    long published = System.nanoTime();
    devices.publish(SENSORS, "safety/sensors/" + sensor.sensorId() + "/alerts",
        new Alert("traffic", "collision", "high", where.lat(), where.lon(), clock.deviceTime(at)));
    alerts.incrementAndGet();
    collisionWatch = CompletableFuture.runAsync(() -> where.watch(http, published), apps);
  }

  /** Once the apps have stopped watching; empty when the city has no collision sensor or no bike station. */
  Optional<CityCollision> collision() {
    collisionWatch.join();
    return collision;
  }

  /** The resident's app posts the form (Open311 GeoReport v2) off the devices' timeline. */
  private void report(Instant at, int number, String serviceCode, String description, double[] position) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("service_code", serviceCode);
    form.put("lat", String.valueOf(position[0]));
    form.put("long", String.valueOf(position[1]));
    form.put("description", description);
    form.put("email", "resident" + number + "@example.org");
    apps.execute(() -> {
      TwinHttp.Reply reply = http.postForm("/open311/v2/requests.json", form,
          Map.of("Idempotency-Key", "demo-" + seed + "-open311-" + number));
      String requestId = reply.body().path(0).path("service_request_id").asText(null);
      reports.add(new Report(serviceCode, requestId, reply.status()));
      if (!reply.ok()) {
        System.err.println("demo: Open311 report " + serviceCode + " answered " + reply.status() + ": " + reply.text());
      } else if (awaitsConfirmation(requestId)) {
        loop.after(at, CALL_TAKER_CONFIRMS_AFTER, confirmedAt -> apps.execute(() -> confirm(requestId)));
      }
    });
  }

  private boolean awaitsConfirmation(String requestId) {
    TwinHttp.Reply incident = http.get("/ops/incidents/" + requestId, opsToken);
    return incident.ok() && incident.body().path("status").asText().equals("awaiting_confirmation");
  }

  private void confirm(String requestId) {
    TwinHttp.Reply reply = http.postJson("/ops/incidents/" + requestId + "/confirm", opsToken, Map.of(), Map.of());
    if (!reply.ok()) {
      System.err.println("demo: the call-taker's confirm of " + requestId + " answered " + reply.status() + ": " + reply.text());
    }
  }

  private double[] offset(double dLat, double dLon) {
    return new double[] {Math.round((centreLat + dLat) * 1e5) / 1e5, Math.round((centreLon + dLon) * 1e5) / 1e5};
  }

  private int weightedSeverity() {
    double r = random.nextDouble();
    for (int i = 0; i < SEVERITY_WEIGHTS.length; i++) {
      r -= SEVERITY_WEIGHTS[i];
      if (r < 0) {
        return i;
      }
    }
    return SEVERITY_WEIGHTS.length - 1;
  }
}
