package city.local.demo.parking;

import city.local.demo.DemoContext;
import city.local.demo.DemoFigures;
import city.local.demo.DemoPart;
import city.local.demo.TwinHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The county's sensors and cameras, and citizens paying in the app midway and at the end of the run. */
public final class ParkingDemo implements DemoPart {
  private static final double PAYING_MIDWAY = 0.5;
  private static final double PAYING_AT_END = 0.3;

  private ParkingSimulation parking;
  private CitizenPayments payments;

  @Override
  public void start(DemoContext context) {
    parking = new ParkingSimulation(context.city(), context.clock(), context.devices(), context.loop(), context.seed());
    payments = new CitizenPayments(context.http(), context.citizenTokens(), context.seed());
    parking.start(context.start(), context.end());
    Duration run = Duration.between(context.start(), context.end());
    context.loop().at(context.start().plus(run.multipliedBy(6).dividedBy(10)), at -> {
      List<String> plates = parking.departedPlates();
      context.apps().execute(() -> payments.payShare(plates, PAYING_MIDWAY));
    });
  }

  @Override
  public String progress() {
    return parking.progress() + "; " + payments.payments() + " payments";
  }

  @Override
  public void timeIsUp() {
    parking.flush();
  }

  @Override
  public void lastRequests() {
    payments.payShare(parking.departedPlates(), PAYING_AT_END);
  }

  /** Sessions that started on the run's city-local days. */
  @Override
  public DemoFigures figures(DemoContext context) {
    TwinHttp http = context.http();
    LocalDate from = context.start().atZone(context.clock().zone()).toLocalDate();
    LocalDate to = context.end().atZone(context.clock().zone()).toLocalDate().plusDays(1);
    JsonNode summary = http.get("/ops/parking/summary?from=" + from + "&to=" + to, context.opsToken()).require();
    List<ParkingFigures.ZoneFigures> zones = new ArrayList<>();
    for (JsonNode zone : http.get("/parking/zones", null).require().path("zones")) {
      String id = zone.path("zone").asText();
      JsonNode availability = http.get("/parking/zones/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/availability", null)
          .require();
      zones.add(new ParkingFigures.ZoneFigures(id, availability.path("free").asInt(), availability.path("occupied").asInt(),
          availability.path("total").asInt()));
    }
    return new ParkingFigures(parking.spaces(), summary.path("sessions").asInt(), summary.path("open").asInt(),
        summary.path("closed").asInt(), summary.path("noise").asInt(), summary.path("unidentified").asInt(),
        summary.path("revenueDue").asLong(), summary.path("paid").asInt(), summary.path("paidAmount").asLong(),
        summary.path("unpaid").asInt(), summary.path("unpaidAmount").asLong(), List.copyOf(zones), payments.tally(),
        parking.heldBack());
  }
}
