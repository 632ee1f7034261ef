package city.local.demo.dispatch;

import city.local.TwinOptions;
import city.local.demo.DemoContext;
import city.local.demo.DemoFigures;
import city.local.demo.DemoPart;
import city.local.demo.SimClock;
import city.local.demo.TwinHttp;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A morning of the 12345 hotline: a dozen calls (the call-taker's POST /ops/workorders) and Open311 reports by
 * signed-in residents, one of them the same pothole ten metres from a call; the units work the orders like any
 * other; at the end the residents rate what was closed (one rates 2 and reopens) and the call-taker phones the
 * callers. The county's deadlines run on the simulated clock, and so does supervision; the summary prints the
 * figures the county is judged by (GET /ops/workorders/stats).
 *
 * <p>One order goes overdue every run, and only through its own deadline: the morning's one blocked drain (the only
 * {@value #OVERDUE_SERVICE} report of the demo: the sensors' flood alerts keep their department's deadlines) is given
 * {@link #OVERDUE_WITHIN} to accept and resolve in the demo's copy of the city file. No crew resolves anything that fast
 * (accept 20 s or more, drive a minute or more, work eight minutes or more), so supervision escalates it to level 1 at
 * one minute and to level 2 at two, minutes before the crew can close it (late); every other deadline is the county's.
 */
public final class HotlineDemo implements DemoPart {
  private static final String SUPERVISION = "hotline_supervision";
  /** The service of the morning's one order that is late by design. */
  static final String OVERDUE_SERVICE = "flooding";
  /** Simulated time it is given: well under any crew's quickest resolve. */
  static final Duration OVERDUE_WITHIN = Duration.ofMinutes(1);
  /** Where the morning's reports are, around the county seat. */
  private static final double LAT = 36.5140;
  private static final double LON = 118.5430;

  /** One report: when (share of the run), by phone or Open311, which service, how far from the seat. */
  private record Call(double share, boolean phone, String serviceCode, double dLat, double dLon, String description) {}

  private static final List<Call> MORNING = List.of(
      new Call(0.05, true, "pothole", 0.0030, 0.0020, "Deep pothole at the school gate"),
      new Call(0.08, false, "pothole", 0.0030 + 0.00009, 0.0020, "Hole in the road by the school"),
      new Call(0.12, true, "streetlight", -0.0040, 0.0010, "Three street lights out on the bridge"),
      new Call(0.16, false, "waste", 0.0010, -0.0050, "Overflowing bins behind the market"),
      new Call(0.20, true, "illegal-parking", -0.0015, -0.0025, "A van blocks the fire access"),
      new Call(0.25, false, "noise", 0.0060, 0.0040, "Building site drilling before 7"),
      new Call(0.30, true, "flooding", -0.0070, 0.0060, "Drain blocked, water across the lane"),
      new Call(0.36, false, "streetlight", 0.0080, -0.0010, "Flickering light at the bus stop"),
      new Call(0.42, true, "waste", -0.0030, 0.0070, "Rubbish dumped by the river path"),
      new Call(0.48, false, "pothole", -0.0090, -0.0040, "Pothole in the cycle lane"),
      new Call(0.55, true, "noise", 0.0020, 0.0090, "Loudspeaker of a shop all morning"),
      new Call(0.62, false, "illegal-parking", 0.0050, -0.0080, "Cars parked on the pavement"));

  private final List<String> workOrders = new CopyOnWriteArrayList<>();
  private final List<String> residentTokens = new CopyOnWriteArrayList<>();
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger joined = new AtomicInteger();
  private final AtomicReference<String> overdueOrder = new AtomicReference<>();
  private DemoContext context;

  /** The county's deadlines and supervision on the simulated clock, as the dispatch part does with its timeouts. */
  @Override
  public TwinOptions configure(TwinOptions options, SimClock clock, PrintStream out) {
    Duration supervisionEvery = longest(Duration.ofMillis(250), clock.real(Duration.ofMinutes(1)));
    out.printf(Locale.ROOT, "  hotline deadlines on the simulated clock, supervision every %.2f s%n",
        supervisionEvery.toMillis() / 1000.0);
    return options.withCityFile(scaledDeadlines(options.cityFile(), clock))
        .withSchedulePeriod(SUPERVISION, supervisionEvery);
  }

  private static Path scaledDeadlines(Path cityFile, SimClock clock) {
    try {
      ObjectNode city = (ObjectNode) Json.MAPPER.readTree(cityFile.toFile());
      double perMinute = clock.real(Duration.ofMinutes(1)).toMillis() / 60_000.0;
      JsonNode dispatch = city.path("dispatch");
      for (String list : List.of("departments", "services")) {
        for (JsonNode entry : dispatch.path(list)) {
          scale((ObjectNode) entry, "acceptWithin", perMinute);
          scale((ObjectNode) entry, "resolveWithin", perMinute);
        }
      }
      for (JsonNode service : dispatch.path("services")) {
        if (service.path("service_code").asText().equals(OVERDUE_SERVICE)) {
          double minutes = OVERDUE_WITHIN.toMinutes() * perMinute;
          ((ObjectNode) service).put("acceptWithinMinutes", minutes).put("resolveWithinMinutes", minutes)
              .remove("resolveWithinHours");
        }
      }
      Path scaled = Files.createTempFile("hotline-demo-city-", ".json");
      scaled.toFile().deleteOnExit();
      Files.writeString(scaled, Json.write(city));
      return scaled;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the demo's city file", e);
    }
  }

  /** {@code <prefix>Minutes} or {@code <prefix>Hours} in simulated time -> fractional real minutes. */
  private static void scale(ObjectNode entry, String prefix, double realMinutesPerMinute) {
    double minutes = entry.has(prefix + "Minutes") ? entry.path(prefix + "Minutes").asDouble()
        : entry.has(prefix + "Hours") ? entry.path(prefix + "Hours").asDouble() * 60 : -1;
    if (minutes > 0) {
      entry.remove(prefix + "Hours");
      entry.put(prefix + "Minutes", minutes * realMinutesPerMinute);
    }
  }

  @Override
  public void start(DemoContext demo) {
    this.context = demo;
    Duration run = Duration.between(demo.start(), demo.end());
    for (int i = 0; i < MORNING.size(); i++) {
      Call call = MORNING.get(i);
      int number = i + 1;
      Instant at = demo.start().plusMillis((long) (run.toMillis() * call.share()));
      demo.loop().at(at, now -> demo.apps().execute(() -> report(number, call)));
    }
  }

  private void report(int number, Call call) {
    TwinHttp http = context.http();
    String lat = String.valueOf(LAT + call.dLat());
    String lon = String.valueOf(LON + call.dLon());
    String key = "demo-" + context.seed() + "-hotline-" + number;
    TwinHttp.Reply reply;
    String id;
    if (call.phone()) {
      reply = http.postJson("/ops/workorders", context.opsToken(), Map.of("service_code", call.serviceCode(), "lat", lat,
          "long", lon, "description", call.description(), "phone", "1380000" + String.format("%04d", number),
          "name", "Caller " + number), Map.of("Idempotency-Key", key));
      id = reply.ok() ? reply.body().path("workOrderId").asText() : null;
    } else {
      String token = context.citizenTokens().issue("resident-" + number, List.of());
      residentTokens.add(token);
      reply = http.postForm("/open311/v2/citizen/requests.json", Map.of("service_code", call.serviceCode(), "lat", lat,
          "long", lon, "description", call.description()), Map.of("Idempotency-Key", key, "Authorization", "Bearer " + token));
      id = reply.ok() ? reply.body().path(0).path("service_request_id").asText() : null;
    }
    sent.incrementAndGet();
    if (id == null) {
      System.err.println("demo: hotline report " + number + " answered " + reply.status() + ": " + reply.text());
    } else if (workOrders.contains(id)) {
      joined.incrementAndGet();
    } else {
      workOrders.add(id);
      if (call.serviceCode().equals(OVERDUE_SERVICE)) {
        overdueOrder.set(id);
      }
    }
  }

  @Override
  public String progress() {
    return String.format(Locale.ROOT, "hotline %d/%d reports", sent.get(), MORNING.size());
  }

  /** 回访: the residents rate what was closed (the second one is unhappy and reopens), the call-taker phones the rest. */
  @Override
  public void lastRequests() {
    TwinHttp http = context.http();
    int[] ratings = {5, 2, 4, 5, 3, 4};
    int n = 0;
    for (String id : workOrders) {
      JsonNode order = http.get("/ops/workorders/" + id, context.opsToken()).body();
      if (order == null || !order.path("status").asText().equals("closed")) {
        continue;
      }
      int rating = ratings[n++ % ratings.length];
      Map<String, String> feedback = Map.of("rating", String.valueOf(rating), "reopen", String.valueOf(rating <= 2));
      if (order.path("channel").asText().equals("phone")) {
        http.postJson("/ops/workorders/" + id + "/followup", context.opsToken(), feedback, Map.of());
      } else {
        for (String token : residentTokens) {
          if (http.postForm("/open311/v2/requests/" + id + "/feedback.json", feedback,
              Map.of("Authorization", "Bearer " + token)).status() != 403) {
            break;
          }
        }
      }
    }
  }

  @Override
  public DemoFigures figures(DemoContext demo) {
    JsonNode stats = demo.http().get("/ops/workorders/stats", demo.opsToken()).require();
    String late = overdueOrder.get();
    JsonNode overdue = late == null ? null : demo.http().get("/ops/workorders/" + late, demo.opsToken()).require();
    return new HotlineFigures(sent.get(), joined.get(), stats.path("total"), stats.path("departments"), overdue);
  }

  private static Duration longest(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
