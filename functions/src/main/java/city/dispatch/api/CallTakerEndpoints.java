package city.dispatch.api;

import city.dispatch.core.CallTaker;
import city.dispatch.core.Incident;
import city.dispatch.core.IncidentEvents;
import city.platform.Endpoint;
import city.platform.HttpError;
import city.platform.HttpRequest;
import city.platform.HttpResponse;
import city.platform.InvalidInput;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The call-taker's routes (ops role, checked by {@link city.platform.HttpApiHandler} for every /ops/ route):
 * confirm or reject a report that awaits confirmation. Both answer with the incident as GET
 * /ops/incidents/{incidentId} shows it. They are served by the Open311 function, which already writes incidents
 * and publishes orders; the read-only ops function stays read-only.
 */
final class CallTakerEndpoints {
  static final int MAX_REASON = 500;

  private CallTakerEndpoints() {}

  /** A confirmed report is told to the city on every confirm, so a repeat publishes what a failed first one did not. */
  static List<Endpoint> of(CallTaker callTaker, IncidentEvents events) {
    return List.of(
        new Endpoint("POST /ops/incidents/{incidentId}/confirm", request -> {
          Optional<CallTaker.Decision> decision =
              callTaker.confirm(request.pathParameter("incidentId"), request.requireCaller().subject());
          decision.filter(d -> d.outcome() != CallTaker.Outcome.CONFLICT).ifPresent(d -> events.opened(d.incident()));
          return answer(request, decision);
        }),
        new Endpoint("POST /ops/incidents/{incidentId}/reject", request -> answer(request,
            callTaker.reject(request.pathParameter("incidentId"), request.requireCaller().subject(), reason(request)))));
  }

  private static HttpResponse answer(HttpRequest request, Optional<CallTaker.Decision> decision) {
    String id = request.pathParameter("incidentId");
    CallTaker.Decision made = decision.orElseThrow(() -> HttpError.notFound("no incident " + id));
    Incident incident = made.incident();
    if (made.outcome() == CallTaker.Outcome.CONFLICT) {
      throw HttpError.conflict(incident.wasConfirmed() || incident.wasRejected()
          ? "incident " + id + " was already " + (incident.wasRejected() ? "rejected" : "confirmed")
          : "incident " + id + " does not await confirmation (status " + incident.status().wireName() + ")");
    }
    return HttpResponse.ok(new DispatchOpsHandler.IncidentDetail(DispatchOpsHandler.IncidentSummary.of(incident),
        incident.history()));
  }

  /** An optional JSON body {"reason": "..."}; no body is no reason. */
  private static String reason(HttpRequest request) {
    if (request.body() == null || request.body().isBlank()) {
      return null;
    }
    JsonNode reason = request.jsonBody().path("reason");
    if (reason.isMissingNode() || reason.isNull()) {
      return null;
    }
    if (!reason.isTextual() || reason.asText().isBlank() || reason.asText().length() > MAX_REASON) {
      throw new InvalidInput("reason must be a non-empty string of at most " + MAX_REASON + " characters");
    }
    return reason.asText().trim();
  }
}
