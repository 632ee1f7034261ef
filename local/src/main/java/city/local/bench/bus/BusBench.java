package city.local.bench.bus;

import city.bikeshare.core.BikeshareLayout;
import city.bikeshare.core.BikeshareLayout.Station;
import city.catalog.Catalog;
import city.local.Twin;
import city.local.TwinOptions;
import city.local.bench.BenchArgs;
import city.local.bench.Benchmark;
import city.local.bench.Samples;
import city.local.bench.TextTable;
import city.local.mqtt.ThingPolicy;
import city.local.profile.FunctionUsage;
import city.local.profile.MeteringInterceptor;
import city.local.profile.UsageMeter;
import city.platform.AwsClients;
import city.platform.City;
import city.platform.GeoPoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * {@code ./city bench bus [--spaces N] [--stations N] [--json]}: city bus rules 1 and 2 timed end to end in an
 * in-memory twin. For each of N spaces a safety alert is published over MQTT at the space's coordinates and the
 * time until {@code GET /parking/spaces/{id}} answers it closed by that incident is measured (alert ->
 * DispatchAlerts -> PutEvents -> event-ruler -> ParkingIncidents -> closure); then the same for bike stations until
 * GBFS {@code system_alerts.json} names the station. One incident at a time, so each time is one path's latency, not
 * a queue's. The functions' usage per incident opened (invocations, DynamoDB requests, request units) comes from
 * the profile bench's meter.
 */
public final class BusBench implements Benchmark {
  private static final Set<String> OPTIONS = Set.of("--spaces", "--stations");
  private static final Set<String> SWITCHES = Set.of("--json");
  /** The target from an alert to the space shown closed. */
  static final Duration TARGET = Duration.ofSeconds(10);
  /** A path slower than this is reported as not seen, and the run goes on. */
  static final Duration GIVE_UP = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(20);
  private static final DateTimeFormatter COMPACT_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");
  /** A sensor's repeats within dispatch's merge window (10 min) join one incident: each alert is 11 minutes on. */
  private static final Duration ALERT_STEP = Duration.ofMinutes(11);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One path's latencies (ms; null: not seen within {@link #GIVE_UP}) and what its incidents consumed. */
  record PathResult(String path, List<Long> millis, Map<String, FunctionUsage.Totals> usage) {
    int incidents() {
      return millis.size();
    }

    List<Long> seen() {
      return millis.stream().filter(m -> m != null).toList();
    }
  }

  @Override
  public String name() {
    return "bus";
  }

  @Override
  public String usage() {
    return "[--spaces N] [--stations N] [--json]";
  }

  @Override
  public void run(String[] args) throws Exception {
    BenchArgs parsed = BenchArgs.parse(args, OPTIONS, SWITCHES);
    int spaces = parsed.positiveInt("--spaces", 20);
    int stations = parsed.positiveInt("--stations", 5);
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    List<PathResult> results = measure(spaces, stations);
    if (parsed.flag("--json")) {
      System.out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(results)));
    } else {
      System.out.print(report(results));
    }
    System.exit(0);
  }

  static List<PathResult> measure(int spaces, int stationCount) throws Exception {
    Path cityFile = LineOfSpacesCity.write(spaces);
    List<Station> stations = BikeshareLayout.of(City.load(cityFile, Catalog.standard().modules())).stations();
    if (stationCount > stations.size()) {
      throw new IllegalArgumentException("--stations " + stationCount + ": the sample county has " + stations.size());
    }
    UsageMeter meter = new UsageMeter();
    // the functions' SDK clients take the meter's interceptor from the configuration their handlers read
    System.setProperty(AwsClients.SDK_INTERCEPTORS, MeteringInterceptor.class.getName());
    try (Twin twin = Twin.start(TwinOptions.inMemory().withCityFile(cityFile).withInvocationObserver(meter))) {
      MqttClient devices = new MqttClient("tcp://127.0.0.1:" + twin.mqttPort(), "bench-bus", new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setCleanSession(true);
      // one client publishes for every sensor: the twin's operator may, a thing may not
      options.setUserName(ThingPolicy.OPERATOR);
      options.setPassword(twin.mqttOperatorPassword().toCharArray());
      devices.connect(options);
      OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS)
          .minus(ALERT_STEP.multipliedBy(spaces + stationCount + 1L));
      List<PathResult> results = new ArrayList<>();
      Map<String, FunctionUsage.Totals> before = meter.totals();
      List<Long> spaceMillis = new ArrayList<>();
      for (int i = 1; i <= spaces; i++) {
        OffsetDateTime ts = start.plus(ALERT_STEP.multipliedBy(i));
        String spacePath = "/parking/spaces/P" + i;
        spaceMillis.add(timed(devices, "F1", "flood", new GeoPoint(LineOfSpacesCity.lat(i), LineOfSpacesCity.LON), ts,
            twin.httpEndpoint().resolve(spacePath), (incident, body) -> incident.equals(body.path("closedBy").path("incidentId").asText())));
      }
      awaitIdle(twin);
      Map<String, FunctionUsage.Totals> afterSpaces = meter.totals();
      results.add(new PathResult("alert -> space closed (GET /parking/spaces/{id})", spaceMillis,
          difference(afterSpaces, before)));
      List<Long> stationMillis = new ArrayList<>();
      for (int i = 0; i < stationCount; i++) {
        Station station = stations.get(i);
        OffsetDateTime ts = start.plus(ALERT_STEP.multipliedBy(spaces + 1L + i));
        stationMillis.add(timed(devices, "F2", "fire", station.position(), ts,
            twin.httpEndpoint().resolve("/gbfs/system_alerts.json"), (incident, body) -> names(body, incident, station.stationId())));
      }
      awaitIdle(twin);
      results.add(new PathResult("alert -> station closed (GBFS system_alerts.json)", stationMillis,
          difference(meter.totals(), afterSpaces)));
      devices.disconnect();
      devices.close();
      return results;
    } finally {
      System.clearProperty(AwsClients.SDK_INTERCEPTORS);
    }
  }

  private interface Shown {
    boolean by(String incidentId, JsonNode body);
  }

  /** Publishes one alert and polls {@code uri} until it shows the incident; null when it did not within {@link #GIVE_UP}. */
  private static Long timed(MqttClient devices, String sensorId, String category, GeoPoint at, OffsetDateTime ts, URI uri,
      Shown shown) throws Exception {
    String incidentId = "A-" + sensorId + "-" + COMPACT_UTC.format(ts.withOffsetSameInstant(ZoneOffset.UTC));
    String payload = String.format(Locale.ROOT, "{\"category\": \"%s\", \"severity\": \"high\", \"lat\": %s, \"lon\": %s,"
        + " \"ts\": \"%s\"}", category, at.lat(), at.lon(), ts);
    long started = System.nanoTime();
    devices.publish("safety/sensors/" + sensorId + "/alerts", payload.getBytes(StandardCharsets.UTF_8), 1, false);
    long deadline = started + GIVE_UP.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200 && shown.by(incidentId, MAPPER.readTree(response.body()))) {
        return (System.nanoTime() - started) / 1_000_000;
      }
      Thread.sleep(POLL.toMillis());
    }
    return null;
  }

  private static boolean names(JsonNode systemAlerts, String incidentId, String stationId) {
    for (JsonNode alert : systemAlerts.path("data").path("alerts")) {
      if (alert.path("alert_id").asText().equals(incidentId)) {
        for (JsonNode station : alert.path("station_ids")) {
          if (station.asText().equals(stationId)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static void awaitIdle(Twin twin) {
    if (!twin.awaitIdle(Duration.ofMinutes(2))) {
      throw new IllegalStateException("the twin did not become idle within 2 minutes");
    }
  }

  /** What each function consumed between two readings of the meter, for the functions that ran between them. */
  static Map<String, FunctionUsage.Totals> difference(Map<String, FunctionUsage.Totals> after,
      Map<String, FunctionUsage.Totals> before) {
    Map<String, FunctionUsage.Totals> spent = new TreeMap<>();
    after.forEach((function, total) -> {
      FunctionUsage.Totals since = total.since(before.get(function));
      if (since.invocations() > 0) {
        spent.put(function, since);
      }
    });
    return spent;
  }

  static String report(List<PathResult> results) {
    StringBuilder out = new StringBuilder("bus: one safety alert at a time over MQTT QoS 1 into an in-memory twin, until the "
        + "HTTP answer shows its closure (polled every " + POLL.toMillis() + " ms); the first pays the functions' cold start\n");
    TextTable times = new TextTable("path", "incidents", "median ms", "min ms", "max ms", "not seen in " + GIVE_UP.toSeconds()
        + " s", "median <= " + TARGET.toSeconds() + " s");
    for (PathResult result : results) {
      List<Long> seen = result.seen();
      int missing = result.incidents() - seen.size();
      if (seen.isEmpty()) {
        times.row(result.path(), result.incidents(), "-", "-", "-", missing, "missed");
        continue;
      }
      Samples samples = Samples.of(seen);
      boolean met = missing * 2 < result.incidents() && samples.median() <= TARGET.toMillis();
      times.row(result.path(), result.incidents(), String.format(Locale.ROOT, "%.0f", samples.median()),
          String.format(Locale.ROOT, "%.0f", samples.min()), String.format(Locale.ROOT, "%.0f", samples.max()), missing,
          met ? "met" : "missed");
    }
    out.append(times.render());
    for (PathResult result : results) {
      out.append(String.format(Locale.ROOT, "%nper incident opened, %s (dynalite's consumed capacity; the GET function's "
          + "rows are this bench's polls)%n", result.path()));
      TextTable usage = new TextTable("function", "invocations", "DynamoDB requests", "RRU", "WRU", "IoT publishes");
      double n = result.incidents();
      result.usage().forEach((function, totals) -> usage.row(function, fixed(totals.invocations() / n),
          fixed(totals.dynamoDbRequests() / n), fixed(totals.readUnits() / n), fixed(totals.writeUnits() / n),
          fixed(totals.iotPublishes() / n)));
      out.append(usage.render());
    }
    return out.toString();
  }

  private static String fixed(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static Map<String, Object> json(List<PathResult> results) {
    List<Map<String, Object>> paths = new ArrayList<>();
    for (PathResult result : results) {
      Map<String, Object> path = new LinkedHashMap<>();
      path.put("path", result.path());
      path.put("incidents", result.incidents());
      path.put("millis", result.millis());
      List<Long> seen = result.seen();
      if (!seen.isEmpty()) {
        Samples samples = Samples.of(seen);
        path.put("medianMillis", samples.median());
        path.put("minMillis", samples.min());
        path.put("maxMillis", samples.max());
      }
      path.put("usagePerFunction", result.usage());
      paths.add(path);
    }
    return Map.of("targetMillis", TARGET.toMillis(), "paths", paths);
  }
}
