package city.local.demo.parking;

import city.local.demo.CityBusLine;
import city.local.demo.DemoContext;
import city.local.demo.TwinHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rules 3 and 4 of the city bus as ops see them over the twin's API: the overstayer's session, the warden's job it
 * became and the enforcement note left on it; the silent sensor's maintenance job, its space shown "unknown" while it
 * was silent, and the job closed by the system once it spoke again.
 */
final class ParkingCityBus {
  static final int OVERSTAY_RULE = 3;
  static final int SILENCE_RULE = 4;
  /** Closed incidents are listed by the day they were reported: the overstay's is stamped in simulated time. */
  private static final String ALL_INCIDENTS = "/ops/incidents?days=7";

  private final TwinHttp http;
  private final String opsToken;
  /** What GET /parking/spaces/{id} answered for the silent sensor's space while it was silent, first "unknown" seen. */
  private volatile JsonNode unknownSeen;

  ParkingCityBus(DemoContext context) {
    this.http = context.http();
    this.opsToken = context.opsToken();
  }

  /** An ops look at the silent sensor's space (on the apps' thread); keeps the first answer that says "unknown". */
  void lookAt(String spaceId) {
    if (unknownSeen != null) {
      return;
    }
    TwinHttp.Reply reply = http.get("/parking/spaces/" + encode(spaceId), null);
    if (reply.ok() && reply.body().path("status").asText().equals("unknown")) {
      unknownSeen = reply.body();
    }
  }

  CityBusLine overstay(Optional<ParkingSimulation.Overstay> planned, int simMinutes) {
    if (planned.isEmpty()) {
      return new CityBusLine(OVERSTAY_RULE, false, "NOT shown: no zone of this city has a maximum stay");
    }
    ParkingSimulation.Overstay overstay = planned.get();
    String what = String.format("overstay at %s (zone %s, %d min allowed): ", overstay.spaceId(), overstay.zone(),
        overstay.maxStay().toMinutes());
    List<JsonNode> sessions = new ArrayList<>();
    http.get("/ops/parking/spaces/" + encode(overstay.spaceId()) + "/sessions", opsToken).require().path("sessions")
        .forEach(sessions::add);
    Optional<JsonNode> first = sessions.stream().min((a, b) -> a.path("start").asText().compareTo(b.path("start").asText()));
    if (first.isEmpty()) {
      return new CityBusLine(OVERSTAY_RULE, false, what + "NOT shown: the space has no session");
    }
    String sessionId = first.get().path("sessionId").asText();
    String incidentId = "E-" + sessionId;
    TwinHttp.Reply incident = http.get("/ops/incidents/" + encode(incidentId), opsToken);
    long enforcementJobs = countOf("parking-enforcement");
    if (!incident.ok()) {
      return new CityBusLine(OVERSTAY_RULE, false, what + "session " + sessionId + " became NO enforcement incident"
          + (simMinutes < overstay.maxStay().toMinutes() + 30 ? " (the run is too short for an overstay)" : ""));
    }
    JsonNode job = incident.body();
    JsonNode note = first.get().path("enforcement");
    String unit = job.path("unitId").asText("-");
    if (note.isMissingNode() || note.isNull()) {
      return new CityBusLine(OVERSTAY_RULE, false, String.format("%ssession %s -> incident %s (%s, unit %s); NO"
          + " enforcement note on the session by the end", what, sessionId, incidentId, job.path("status").asText(), unit));
    }
    return new CityBusLine(OVERSTAY_RULE, true, String.format("%ssession %s -> incident %s -> warden %s; its resolve"
            + " left the note on the session (GET /ops/parking/spaces/%s/sessions): incident %s, unit %s, %s"
            + " (%d enforcement incidents in all)",
        what, sessionId, incidentId, unit, overstay.spaceId(), note.path("incidentId").asText(),
        note.path("unitId").asText(), note.path("resolution").asText(), enforcementJobs));
  }

  CityBusLine silence(Optional<String> sensor, Duration heartbeat) {
    if (sensor.isEmpty()) {
      return new CityBusLine(SILENCE_RULE, false, "NOT shown: this city has fewer than two parking spaces");
    }
    String spaceId = sensor.get();
    List<JsonNode> jobs = new ArrayList<>();
    http.get(ALL_INCIDENTS, opsToken).require().path("incidents").forEach(i -> {
      if (i.path("category").asText().equals("maintenance")) {
        jobs.add(i);
      }
    });
    List<String> others = jobs.stream().map(j -> j.path("systemSource").path("deviceId").asText())
        .filter(id -> !id.equals(spaceId)).toList();
    String what = String.format("silent sensor %s (heartbeat %d sim min): ", spaceId, heartbeat.toMinutes());
    String spurious = others.isEmpty() ? "; no other device fell silent"
        : "; and " + others.size() + " other maintenance incidents (NOT expected): " + String.join(", ", others);
    Optional<JsonNode> job = jobs.stream().filter(j -> j.path("systemSource").path("deviceId").asText().equals(spaceId)).findFirst();
    if (job.isEmpty()) {
      return new CityBusLine(SILENCE_RULE, false, what + "NO maintenance incident by the end" + spurious);
    }
    String incidentId = job.get().path("incidentId").asText();
    JsonNode detail = http.get("/ops/incidents/" + encode(incidentId), opsToken).require();
    JsonNode space = http.get("/parking/spaces/" + encode(spaceId), null).require();
    JsonNode unknown = unknownSeen;
    String shownUnknown = unknown == null ? "its space was NOT seen \"unknown\""
        : "GET /parking/spaces/" + spaceId + " said \"unknown\" since " + unknown.path("since").asText();
    boolean closedBySystem = detail.path("status").asText().equals("closed") && detail.path("history").toString().contains("cleared");
    String end = closedBySystem
        ? "it spoke again, the system closed the incident (cleared) and the space shows \"" + space.path("status").asText() + "\""
        : "the incident is " + detail.path("status").asText() + " (NOT closed by the system by the end)";
    return new CityBusLine(SILENCE_RULE, unknown != null && closedBySystem && others.isEmpty(),
        String.format("%smaintenance incident %s (unit %s); %s; %s%s", what, incidentId,
            detail.path("unitId").asText("-"), shownUnknown, end, spurious));
  }

  private long countOf(String category) {
    long count = 0;
    for (JsonNode incident : http.get(ALL_INCIDENTS, opsToken).require().path("incidents")) {
      count += incident.path("category").asText().equals(category) ? 1 : 0;
    }
    return count;
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }
}
