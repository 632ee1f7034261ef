package city.dispatch.api;

import city.dispatch.core.DispatchQueries;
import city.dispatch.core.DispatchSettings;
import city.dispatch.core.HistoryEntry;
import city.dispatch.core.Incident;
import city.dispatch.core.IncidentStatus;
import city.dispatch.core.IncidentStore;
import city.dispatch.core.Milestones;
import city.dispatch.core.Report;
import city.dispatch.core.UnitState;
import city.dispatch.core.UnitStore;
import city.dispatch.core.WorkOrderQueries;
import city.platform.City;
import city.platform.Endpoint;
import city.platform.HttpApiHandler;
import city.platform.HttpError;
import city.platform.HttpRequest;
import city.platform.HttpResponse;
import city.platform.InputBounds;
import city.platform.InvalidInput;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * The dispatch desk's view (ops role): incidents by status with their audit trail, units, response times.
 * Reporters' contact details are not part of any incident view.
 */
public final class DispatchOpsHandler extends HttpApiHandler {
  public DispatchOpsHandler() {
    this(Wiring.queriesFromEnvironment(City.current()), Wiring.workOrdersFromEnvironment(City.current()));
  }

  public DispatchOpsHandler(DispatchSettings settings, IncidentStore incidents, UnitStore units, Clock clock) {
    this(new DispatchQueries(settings, incidents, units, clock), new WorkOrderQueries(settings, incidents, clock));
  }

  private DispatchOpsHandler(DispatchQueries queries, WorkOrderQueries workOrders) {
    super(List.of(
        new Endpoint("GET /ops/workorders", request -> HttpResponse.ok(new WorkOrderView.WorkOrders(
            workOrders.list(workOrderFilter(request)).stream().map(i -> WorkOrderView.of(i, false)).toList()))),
        new Endpoint("GET /ops/workorders/stats", request -> HttpResponse.ok(workOrders.stats(
            request.query("from").map(d -> date(d, "from")), request.query("to").map(d -> date(d, "to")),
            request.query("department")))),
        new Endpoint("GET /ops/workorders/{workOrderId}", request -> {
          String id = request.pathParameter("workOrderId");
          Incident incident = workOrders.workOrder(id).orElseThrow(() -> HttpError.notFound("no work order " + id));
          return HttpResponse.ok(WorkOrderView.of(incident, true));
        }),
        new Endpoint("GET /ops/incidents", request -> HttpResponse.ok(new Incidents(list(queries, request)))),
        new Endpoint("GET /ops/incidents/{incidentId}", request -> {
          String id = request.pathParameter("incidentId");
          Incident incident = queries.incident(id).orElseThrow(() -> HttpError.notFound("no incident " + id));
          return HttpResponse.ok(new IncidentDetail(IncidentSummary.of(incident), incident.history()));
        }),
        new Endpoint("GET /ops/units", request -> HttpResponse.ok(new Units(units(queries)))),
        new Endpoint("GET /ops/dispatch/stats", request -> HttpResponse.ok(queries.statistics(
            request.query("hours").map(h -> whole(h, "hours", DispatchQueries.MAX_DAYS * 24))
                .orElse(DispatchQueries.DEFAULT_STATS_HOURS))))));
  }

  /** One incident in a list; {@code unitId} is null (not missing) while no unit holds it. */
  record IncidentSummary(
      String incidentId,
      String status,
      String unitId,
      int priority,
      String kind,
      String source,
      String category,
      String subCategory,
      String severity,
      Double lat,
      Double lon,
      boolean positionEstimated,
      String address,
      String description,
      OffsetDateTime reportedAt,
      OffsetDateTime dispatchedAt,
      OffsetDateTime acceptedAt,
      OffsetDateTime arrivedAt,
      OffsetDateTime closedAt,
      int escalations,
      List<String> timedOutUnits,
      Integer alertCount,
      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> systemSource) {

    static IncidentSummary of(Incident incident) {
      Report report = incident.report();
      Milestones m = incident.milestones();
      return new IncidentSummary(incident.incidentId(), incident.status().wireName(), incident.unitId().orElse(null),
          incident.priority(), report.kind(), report.source().wireName(), report.category(), report.subCategory(),
          incident.severity() == null ? null : incident.severity().wireName(), report.position().lat(),
          report.position().lon(), report.positionEstimated(), report.address(), report.description(), report.reportedAt(),
          m.dispatchedAt(), m.acceptedAt(), m.arrivedAt(), m.closedAt(), incident.escalations(),
          incident.timedOutUnits().stream().sorted().toList(),
          incident.alerts() == null ? null : incident.alerts().count(), report.systemSource());
    }
  }

  record IncidentDetail(@JsonUnwrapped IncidentSummary incident, List<HistoryEntry> history) {}

  record Incidents(List<IncidentSummary> incidents) {}

  /**
   * {@code status} is what ops act on: busy while it holds an incident; {@code reportedStatus} is what it said;
   * {@code pendingCancels} the incidents it was withdrawn from and has not confirmed dropping.
   */
  record UnitView(String unitId, String kind, String name, String status, String reportedStatus, double lat, double lon,
      String incidentId, OffsetDateTime statusAt, List<String> pendingCancels) {}

  record Units(List<UnitView> units) {}

  private static List<IncidentSummary> list(DispatchQueries queries, HttpRequest request) {
    Set<IncidentStatus> statuses = request.query("status").map(DispatchOpsHandler::statuses)
        .orElse(EnumSet.allOf(IncidentStatus.class));
    int closedDays = request.query("days").map(d -> whole(d, "days", DispatchQueries.MAX_DAYS))
        .orElse(DispatchQueries.DEFAULT_CLOSED_DAYS);
    return queries.incidents(statuses, closedDays).stream().map(IncidentSummary::of).toList();
  }

  /** The statuses of the shapes, plus the desk's words: queue, in_progress (accepted or on scene), open. */
  static Set<IncidentStatus> statuses(String text) {
    Set<IncidentStatus> statuses = EnumSet.noneOf(IncidentStatus.class);
    for (String word : text.toLowerCase(Locale.ROOT).split(",")) {
      String name = word.trim().replace(' ', '_').replace('-', '_');
      switch (name) {
        case "queue" -> statuses.add(IncidentStatus.QUEUED);
        case "in_progress" -> statuses.addAll(EnumSet.of(IncidentStatus.ACCEPTED, IncidentStatus.ON_SCENE));
        case "open", "active" -> statuses.addAll(EnumSet.range(IncidentStatus.AWAITING_CONFIRMATION, IncidentStatus.ON_SCENE));
        default -> statuses.add(IncidentStatus.find(name).orElseThrow(() -> new InvalidInput(
            "status must be awaiting_confirmation, queued, assigned, accepted, on_scene, closed, in_progress or open")));
      }
    }
    return statuses;
  }

  /** status (the incident statuses and the desk's words, as for incidents), department, overdue=true, from, to. */
  static WorkOrderQueries.Filter workOrderFilter(HttpRequest request) {
    Set<IncidentStatus> statuses = request.query("status").map(DispatchOpsHandler::statuses).orElse(Set.of());
    String overdue = request.query("overdue").orElse("false");
    if (!overdue.equals("true") && !overdue.equals("false")) {
      throw new InvalidInput("overdue must be true or false");
    }
    return new WorkOrderQueries.Filter(statuses, request.query("department"), overdue.equals("true"),
        request.query("from").map(d -> date(d, "from")), request.query("to").map(d -> date(d, "to")));
  }

  private static Instant date(String text, String name) {
    try {
      return InputBounds.instant(name, OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      throw new InvalidInput(name + " must be ISO-8601 with offset, e.g. 2026-11-28T09:00:00+08:00");
    }
  }

  static List<UnitView> units(DispatchQueries queries) {
    return queries.units().stream().map(onDuty -> {
      UnitState state = onDuty.state();
      return new UnitView(state.unitId(), state.kind(), onDuty.unit().name(), state.effectiveStatus().wireName(),
          state.reported().wireName(), state.position().lat(), state.position().lon(), state.incidentId(),
          state.statusTs(), List.copyOf(state.cancelsOwed()));
    }).toList();
  }

  private static int whole(String text, String name, int max) {
    try {
      int value = Integer.parseInt(text);
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // falls through to the same refusal as an out-of-range number
    }
    throw new InvalidInput(name + " must be a whole number from 1 to " + max);
  }
}
