package city.local.demo.dispatch;

import city.bikeshare.core.closure.StationClosureSettings;
import city.local.demo.CityBusLine;
import city.local.demo.TwinHttp;
import city.parking.core.ClosureSettings;
import city.platform.City;
import city.platform.GreatCircle;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's traffic collision for rules 1 and 2 of the city bus: it happens between the parking space and the bike
 * station nearest each other, where both rules' radii (the city file's) reach, so one incident closes spaces and a
 * station; a city without such a pair gets it at its first station (rule 2 only). The rider's and the driver's apps
 * then watch GBFS system_alerts.json and GET /parking/spaces/{id} until they show the closure.
 */
final class CityCollision {
  static final int PARKING_RULE = 1;
  static final int STATION_RULE = 2;
  /** How long the apps watch for the closure (real time; the target is 10 s). */
  private static final Duration SHOWS_WITHIN = Duration.ofSeconds(60);

  private record Candidate(String spaceId, double spaceLat, double spaceLon, String stationId, double stationLat,
      double stationLon, double meters) {}

  private final String stationId;
  private final double lat;
  private final double lon;
  /** The spaces within the parking radius of the collision, by id. */
  private final List<String> spacesInReach;
  private final double parkingRadius;
  private volatile Long stationClosedAfterMillis;
  private volatile Long spacesClosedAfterMillis;
  private final Map<String, String> closedBy = new LinkedHashMap<>();

  private CityCollision(String stationId, double lat, double lon, List<String> spacesInReach, double parkingRadius) {
    this.stationId = stationId;
    this.lat = lat;
    this.lon = lon;
    this.spacesInReach = List.copyOf(spacesInReach);
    this.parkingRadius = parkingRadius;
  }

  /** Empty when the city has no bike station. */
  static Optional<CityCollision> in(City city) {
    JsonNode stations = city.section("bikeshare").path("stations");
    if (!stations.path(0).isObject()) {
      return Optional.empty();
    }
    double parkingRadius = ClosureSettings.of(city).radiusMeters();
    double stationRadius = StationClosureSettings.of(city).radiusMeters();
    Candidate nearest = null;
    for (JsonNode zone : city.section("parking").path("zones")) {
      for (JsonNode space : zone.path("spaces")) {
        for (JsonNode station : stations) {
          double meters = GreatCircle.meters(space.path("lat").asDouble(), space.path("lon").asDouble(),
              station.path("lat").asDouble(), station.path("lon").asDouble());
          if (nearest == null || meters < nearest.meters()) {
            nearest = new Candidate(space.path("spaceId").asText(), space.path("lat").asDouble(), space.path("lon").asDouble(),
                station.path("stationId").asText(), station.path("lat").asDouble(), station.path("lon").asDouble(), meters);
          }
        }
      }
    }
    double lat;
    double lon;
    String stationId;
    if (nearest != null && nearest.meters() < 0.9 * (parkingRadius + stationRadius)) {
      // on the line between them, each radius' share of the way from its end: inside both radii
      double share = parkingRadius / (parkingRadius + stationRadius);
      lat = nearest.spaceLat() + (nearest.stationLat() - nearest.spaceLat()) * share;
      lon = nearest.spaceLon() + (nearest.stationLon() - nearest.spaceLon()) * share;
      stationId = nearest.stationId();
    } else {
      lat = stations.path(0).path("lat").asDouble();
      lon = stations.path(0).path("lon").asDouble();
      stationId = stations.path(0).path("stationId").asText();
    }
    List<String> inReach = new ArrayList<>();
    for (JsonNode zone : city.section("parking").path("zones")) {
      for (JsonNode space : zone.path("spaces")) {
        // a metre inside the radius, so that rounding in the twin's own distance cannot decide
        if (GreatCircle.meters(lat, lon, space.path("lat").asDouble(), space.path("lon").asDouble()) < parkingRadius - 1) {
          inReach.add(space.path("spaceId").asText());
        }
      }
    }
    return Optional.of(new CityCollision(stationId, lat, lon, inReach, parkingRadius));
  }

  double lat() {
    return lat;
  }

  double lon() {
    return lon;
  }

  /** The apps' watch after the publish at {@code publishedNanos} (runs on the apps' thread). */
  void watch(TwinHttp http, long publishedNanos) {
    long deadline = publishedNanos + SHOWS_WITHIN.toNanos();
    if (spacesInReach.isEmpty()) {
      spacesClosedAfterMillis = -1L;
    }
    while (System.nanoTime() < deadline && (stationClosedAfterMillis == null || spacesClosedAfterMillis == null)) {
      if (stationClosedAfterMillis == null && namedInSystemAlerts(http)) {
        stationClosedAfterMillis = (System.nanoTime() - publishedNanos) / 1_000_000;
      }
      if (spacesClosedAfterMillis == null && !spacesInReach.isEmpty() && allClosed(http)) {
        spacesClosedAfterMillis = (System.nanoTime() - publishedNanos) / 1_000_000;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private boolean allClosed(TwinHttp http) {
    for (String spaceId : spacesInReach) {
      if (!closedBy.containsKey(spaceId)) {
        JsonNode space = http.get("/parking/spaces/" + encode(spaceId), null).body();
        String incidentId = space.path("closedBy").path("incidentId").asText("");
        if (!space.path("status").asText().equals("closed") || incidentId.isEmpty()) {
          return false;
        }
        closedBy.put(spaceId, incidentId);
      }
    }
    return true;
  }

  boolean namedInSystemAlerts(TwinHttp http) {
    TwinHttp.Reply reply = http.get("/gbfs/system_alerts.json", null);
    if (!reply.ok()) {
      return false;
    }
    for (JsonNode alert : reply.body().path("data").path("alerts")) {
      for (JsonNode id : alert.path("station_ids")) {
        if (id.asText().equals(stationId)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Rule 2: the station in GBFS, and whether the incident's end lifted it. */
  CityBusLine stationLine(TwinHttp http) {
    if (stationClosedAfterMillis == null) {
      return new CityBusLine(STATION_RULE, false, "a collision at bike station " + stationId
          + " did NOT show as closed in GBFS system_alerts.json within " + SHOWS_WITHIN.toSeconds() + " s");
    }
    boolean lifted = !namedInSystemAlerts(http);
    return new CityBusLine(STATION_RULE, lifted, String.format("the collision closed bike station %s in GBFS"
            + " system_alerts.json after %d ms; at the end %s", stationId, stationClosedAfterMillis,
        lifted ? "the incident's end has lifted it" : "it is still closed (its incident has NOT ended)"));
  }

  /** Rule 1: the spaces in reach closed by the incident (closedBy), and reopened after its end. */
  CityBusLine parkingLine(TwinHttp http, String opsToken) {
    if (spacesInReach.isEmpty()) {
      return new CityBusLine(PARKING_RULE, false, String.format("NOT shown: no parking space is within %.0f m of a"
          + " point near a bike station, so the collision at %s closed none", parkingRadius, stationId));
    }
    if (spacesClosedAfterMillis == null) {
      return new CityBusLine(PARKING_RULE, false, "the collision did NOT close all of spaces " + spacesInReach
          + " within " + SHOWS_WITHIN.toSeconds() + " s (closed: " + closedBy.keySet() + ")");
    }
    String incidentId = closedBy.values().iterator().next();
    List<String> stillClosed = new ArrayList<>();
    for (String spaceId : spacesInReach) {
      JsonNode space = http.get("/parking/spaces/" + encode(spaceId), null).require();
      if (space.path("status").asText().equals("closed")) {
        stillClosed.add(spaceId);
      }
    }
    String status = http.get("/ops/incidents/" + encode(incidentId), opsToken).body().path("status").asText("?");
    return new CityBusLine(PARKING_RULE, stillClosed.isEmpty(), String.format("incident %s closed spaces %s"
            + " (GET /parking/spaces/{id} closedBy) %d ms after the alert; at the end it is %s and %s", incidentId,
        String.join(", ", spacesInReach), spacesClosedAfterMillis, status,
        stillClosed.isEmpty() ? "all of them reopened" : "spaces " + stillClosed + " are still closed (NOT reopened)"));
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }
}
