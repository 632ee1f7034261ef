package city.local.demo.parking;

import city.catalog.Catalog;
import city.catalog.Schedule;
import city.local.TwinOptions;
import city.local.demo.DemoContext;
import city.local.demo.DemoFigures;
import city.local.demo.DemoPart;
import city.local.demo.SimClock;
import city.local.demo.TwinHttp;
import city.parking.api.ParkingDevices;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The county's sensors and cameras, and citizens paying in the app midway and at the end of the run. The settlement
 * (gaps, overstays) runs on the simulated clock, since it compares device times; the health check of rule 4 compares
 * arrival times on the wall clock, so the sensors' heartbeat is scaled to the wall clock instead, as the hotline's
 * deadlines are. Only the parking sensors' heartbeat is shortened (to {@link #SENSOR_HEARTBEAT}, or 10 s of wall
 * clock at high speeds): docks, units and safety sensors keep the city file's, longer than a demo run.
 */
public final class ParkingDemo implements DemoPart {
  private static final double PAYING_MIDWAY = 0.5;
  private static final double PAYING_AT_END = 0.3;
  /** The demo county's parking sensors count as silent after this much simulated time without a message. */
  static final Duration SENSOR_HEARTBEAT = Duration.ofMinutes(60);
  /**
   * Each of the two schedules runs one at a time (reserved concurrency 1): a run a busy machine makes slower than the
   * period would leave the next ones queued behind it, with their times going stale.
   */
  private static final Duration SHORTEST_PERIOD = Duration.ofSeconds(1);
  /**
   * The heartbeat on the wall clock is never shorter: a busy twin handles a message seconds after its arrival, and a
   * sensor must not look silent for that.
   */
  private static final Duration SHORTEST_HEARTBEAT = Duration.ofSeconds(10);
  private static final String SETTLEMENT_FUNCTION = "ParkingSettlement";
  private static final String HEALTH_FUNCTION = "DeviceHealth";
  private static final Duration LOOK_EVERY = Duration.ofMinutes(5);

  private ParkingSimulation parking;
  private CitizenPayments payments;
  private ParkingCityBus cityBus;
  private Duration heartbeat;
  private Duration simulatedHeartbeat;
  private int simMinutes;

  @Override
  public TwinOptions configure(TwinOptions options, SimClock clock, PrintStream out) {
    heartbeat = longest(SHORTEST_HEARTBEAT, clock.real(SENSOR_HEARTBEAT));
    simulatedHeartbeat = Duration.ofMillis(Math.round(heartbeat.toMillis() * clock.speed()));
    TwinOptions configured = options.withCityFile(withSensorHeartbeat(options.cityFile(), heartbeat));
    for (Schedule schedule : Catalog.standard().schedules()) {
      Duration every = longest(SHORTEST_PERIOD, clock.real(schedule.period()));
      if (schedule.functionId().equals(SETTLEMENT_FUNCTION)) {
        configured = configured.withScheduleClock(schedule.name(), clock::now).withSchedulePeriod(schedule.name(), every);
        out.printf(Locale.ROOT, "  parking settlement on the simulated clock every %.2f s (%.0f simulated minutes)%n",
            every.toMillis() / 1000.0, every.toMillis() * clock.speed() / 60_000.0);
      } else if (schedule.functionId().equals(HEALTH_FUNCTION)) {
        configured = configured.withSchedulePeriod(schedule.name(), every);
        out.printf(Locale.ROOT, "  parking sensors silent after %.2f s (%.0f simulated minutes), health check every %.2f s;"
            + " other devices keep the city file's heartbeats%n", heartbeat.toMillis() / 1000.0,
            heartbeat.toMillis() * clock.speed() / 60_000.0, every.toMillis() / 1000.0);
      }
    }
    return configured;
  }

  /** The city file with the parking sensors' heartbeat in fractional real minutes. */
  private static Path withSensorHeartbeat(Path cityFile, Duration heartbeat) {
    try {
      ObjectNode city = (ObjectNode) Json.MAPPER.readTree(cityFile.toFile());
      JsonNode integration = city.path("integration");
      ObjectNode section = integration.isObject() ? (ObjectNode) integration : city.putObject("integration");
      JsonNode limits = section.path("silentAfterMinutes");
      ObjectNode silentAfter = limits.isObject() ? (ObjectNode) limits : section.putObject("silentAfterMinutes");
      silentAfter.put(ParkingDevices.SENSOR.wireName(), heartbeat.toMillis() / 60_000.0);
      Path scaled = Files.createTempFile("parking-demo-city-", ".json");
      scaled.toFile().deleteOnExit();
      Files.writeString(scaled, Json.write(city));
      return scaled;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the demo's city file", e);
    }
  }

  @Override
  public void start(DemoContext context) {
    parking = new ParkingSimulation(context.city(), context.clock(), context.devices(), context.loop(), context.seed(),
        heartbeat);
    payments = new CitizenPayments(context.http(), context.citizenTokens(), context.seed());
    cityBus = new ParkingCityBus(context);
    parking.start(context.start(), context.end());
    Duration run = Duration.between(context.start(), context.end());
    simMinutes = (int) run.toMinutes();
    parking.silentSensor().ifPresent(spaceId -> {
      Instant until = parking.silentUntil(context.start(), context.end());
      for (Instant at = parking.silentFrom(context.start(), context.end()); at.isBefore(until); at = at.plus(LOOK_EVERY)) {
        context.loop().at(at, now -> context.apps().execute(() -> cityBus.lookAt(spaceId)));
      }
    });
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
  public void close() {
    if (parking != null) {
      parking.stop();
    }
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
        parking.heldBack(), parking.keepAlives(), List.of(cityBus.overstay(parking.overstay(), simMinutes),
            cityBus.silence(parking.silentSensor(), simulatedHeartbeat)));
  }

  private static Duration longest(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
