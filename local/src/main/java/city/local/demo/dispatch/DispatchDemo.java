package city.local.demo.dispatch;

import city.catalog.Catalog;
import city.catalog.Schedule;
import city.dispatch.core.DispatchSettings;
import city.local.TwinOptions;
import city.local.demo.CityBusLine;
import city.local.demo.DemoContext;
import city.local.demo.DemoFigures;
import city.local.demo.DemoPart;
import city.local.demo.SimClock;
import city.local.demo.TwinHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Safety sensors, residents reporting over Open311 and the response units. The crews' acknowledgement
 * timeout and the sweep that enforces it run on the simulated clock's scale.
 */
public final class DispatchDemo implements DemoPart {
  /** What the county allows a crew to accept an order, in simulated time. */
  static final Duration ACK_TIMEOUT = Duration.ofMinutes(20);
  private static final Duration SHORTEST_ACK_TIMEOUT = Duration.ofSeconds(2);
  private static final String SWEEP_FUNCTION = "DispatchSweep";

  private DispatchSimulation dispatch;

  @Override
  public TwinOptions configure(TwinOptions options, SimClock clock, PrintStream out) {
    Duration ackTimeout = longest(SHORTEST_ACK_TIMEOUT, clock.real(ACK_TIMEOUT));
    Duration sweepEvery = longest(Duration.ofMillis(250), ackTimeout.dividedBy(4));
    TwinOptions configured = options.withVariable(DispatchSettings.ACK_TIMEOUT_ENV, ackTimeout.toString());
    for (Schedule schedule : Catalog.standard().schedules()) {
      if (schedule.functionId().equals(SWEEP_FUNCTION)) {
        configured = configured.withSchedulePeriod(schedule.name(), sweepEvery);
      }
    }
    out.printf(java.util.Locale.ROOT, "  dispatch ack timeout %.2f s (%d simulated minutes), sweep every %.2f s%n",
        ackTimeout.toMillis() / 1000.0, ACK_TIMEOUT.toMinutes(), sweepEvery.toMillis() / 1000.0);
    return configured;
  }

  @Override
  public void start(DemoContext context) {
    dispatch = new DispatchSimulation(context.city(), context.clock(), context.devices(), context.loop(),
        context.http(), context.apps(), context.opsToken(), context.seed());
    dispatch.start(context.start(), context.end());
  }

  @Override
  public String progress() {
    return dispatch.progress();
  }

  @Override
  public DemoFigures figures(DemoContext context) {
    TwinHttp http = context.http();
    JsonNode stats = http.get("/ops/dispatch/stats", context.opsToken()).require();
    List<DispatchFigures.PriorityFigures> priorities = new ArrayList<>();
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
      priorities.add(new DispatchFigures.PriorityFigures(p.path("priority").asInt(), p.path("incidents").asInt(),
          p.path("closed").asInt(), p.path("escalations").asInt(), median(p.path("reportToDispatch")),
          median(p.path("dispatchToAccept")), median(p.path("acceptToArrive"))));
    }
    List<DispatchFigures.Open311Figures> open311 = new ArrayList<>();
    for (DispatchSimulation.Report report : dispatch.reports()) {
      if (report.requestId() == null) {
        open311.add(new DispatchFigures.Open311Figures(report.serviceCode(), null, "refused with " + report.status(), ""));
        continue;
      }
      JsonNode request = http.get("/open311/v2/requests/" + URLEncoder.encode(report.requestId(), StandardCharsets.UTF_8)
          + ".json", null).require().path(0);
      open311.add(new DispatchFigures.Open311Figures(report.serviceCode(), report.requestId(),
          request.path("status").asText(), request.path("status_notes").asText()));
    }
    List<CityBusLine> cityBus = dispatch.collision()
        .map(c -> List.of(c.parkingLine(http, context.opsToken()), c.stationLine(http)))
        .orElse(List.of());
    return new DispatchFigures(dispatch.alerts(), dispatch.repeatedAlerts(), incidents, open, closed, queued, escalations,
        dispatch.orders(), dispatch.silences(), List.copyOf(priorities), List.copyOf(open311), cityBus);
  }

  private static Double median(JsonNode times) {
    JsonNode median = times.path("medianSeconds");
    return median.isNumber() ? median.asDouble() : null;
  }

  private static Duration longest(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
