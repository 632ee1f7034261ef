package city.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the twin's side of the summary over its HTTP API, as an operator's dashboard would. */
final class SummaryReader {
  private static final int DEAD_LETTER_PAGE = 1000;

  private final TwinHttp http;
  private final String opsToken;

  SummaryReader(TwinHttp http, String opsToken) {
    this.http = http;
    this.opsToken = opsToken;
  }

  /** Sessions that started from {@code from} (a city-local date) up to, not including, {@code to}. */
  Summary.ParkingFigures parking(LocalDate from, LocalDate to, int spaces, Summary.Payments citizens) {
    JsonNode summary = http.get("/ops/parking/summary?from=" + from + "&to=" + to, opsToken).require();
    List<Summary.ZoneFigures> zones = new ArrayList<>();
    for (JsonNode zone : http.get("/parking/zones", null).require().path("zones")) {
      String id = zone.path("zone").asText();
      JsonNode availability = http.get("/parking/zones/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/availability", null)
          .require();
      zones.add(new Summary.ZoneFigures(id, availability.path("free").asInt(), availability.path("occupied").asInt(),
          availability.path("total").asInt()));
    }
    return new Summary.ParkingFigures(spaces, summary.path("sessions").asInt(), summary.path("open").asInt(),
        summary.path("closed").asInt(), summary.path("noise").asInt(), summary.path("unidentified").asInt(),
        summary.path("revenueDue").asLong(), summary.path("paid").asInt(), summary.path("paidAmount").asLong(),
        summary.path("unpaid").asInt(), summary.path("unpaidAmount").asLong(), List.copyOf(zones), citizens);
  }

  Summary.DispatchFigures dispatch(int alerts, int repeatedAlerts, List<DispatchSimulation.Report> reports,
      int ordersReceived, int ordersIgnored) {
    JsonNode stats = http.get("/ops/dispatch/stats", opsToken).require();
    List<Summary.PriorityFigures> priorities = new ArrayList<>();
    int incidents = 0;
    int open = 0;
    int closed = 0;
    int queued = 0;
    int escalations = 0;
    for (JsonNode p : stats.path("priorities")) {
      incidents += p.path("incidents").asInt();
      open += p.path("open").asInt();
      closed += p.path("closed").asInt();
      queued += p.path("queued").asInt();
      escalations += p.path("escalations").asInt();
      priorities.add(new Summary.PriorityFigures(p.path("priority").asInt(), p.path("incidents").asInt(),
          p.path("closed").asInt(), p.path("escalations").asInt(), median(p.path("reportToDispatch")),
          median(p.path("dispatchToAccept")), median(p.path("acceptToArrive"))));
    }
    List<Summary.Open311Figures> open311 = new ArrayList<>();
    for (DispatchSimulation.Report report : reports) {
      if (report.requestId() == null) {
        open311.add(new Summary.Open311Figures(report.serviceCode(), null, "refused with " + report.status(), ""));
        continue;
      }
      JsonNode request = http.get("/open311/v2/requests/" + URLEncoder.encode(report.requestId(), StandardCharsets.UTF_8)
          + ".json", null).require().path(0);
      open311.add(new Summary.Open311Figures(report.serviceCode(), report.requestId(), request.path("status").asText(),
          request.path("status_notes").asText()));
    }
    return new Summary.DispatchFigures(alerts, repeatedAlerts, incidents, open, closed, queued, escalations,
        ordersReceived, ordersIgnored, List.copyOf(priorities), List.copyOf(open311));
  }

  Summary.BikeshareFigures bikeshare(int taskListsAdopted, int bikesPickedUp, int bikesDropped) {
    TwinHttp.Reply reply = http.get("/ops/bikeshare/plans/latest", opsToken);
    if (reply.status() == 404) {
      return new Summary.BikeshareFigures(null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, taskListsAdopted, bikesPickedUp,
          bikesDropped);
    }
    JsonNode plan = reply.require();
    JsonNode summary = plan.path("summary");
    JsonNode progress = plan.path("progress");
    return new Summary.BikeshareFigures(plan.path("planId").asText(), plan.path("status").asText(),
        summary.path("trucksUsed").asInt(), progress.path("totalStops").asInt(), progress.path("completedStops").asInt(),
        summary.path("bikesPickedUp").asInt(), summary.path("bikesDropped").asInt(), summary.path("distanceMeters").asLong(),
        summary.path("stationsReporting").asInt(), summary.path("stationsOffTarget").asInt(),
        summary.path("stationsVisited").asInt(), taskListsAdopted, bikesPickedUp, bikesDropped);
  }

  Summary.DeadLetterFigures deadLetters() {
    JsonNode letters = http.get("/ops/dead-letters?limit=" + DEAD_LETTER_PAGE, opsToken).require().path("deadLetters");
    Map<String, Integer> reasons = new LinkedHashMap<>();
    for (JsonNode letter : letters) {
      reasons.merge(letter.path("topic").asText() + ": " + letter.path("reason").asText(), 1, Integer::sum);
    }
    return new Summary.DeadLetterFigures(letters.size(), reasons);
  }

  private static Double median(JsonNode times) {
    JsonNode median = times.path("medianSeconds");
    return median.isNumber() ? median.asDouble() : null;
  }
}
