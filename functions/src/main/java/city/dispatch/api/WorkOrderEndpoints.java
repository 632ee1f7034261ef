package city.dispatch.api;

import city.dispatch.core.Hotline;
import city.dispatch.core.Incident;
import city.dispatch.core.IncidentEvents;
import city.dispatch.core.IncidentStatus;
import city.dispatch.core.Open311Desk;
import city.dispatch.core.Reporter;
import city.dispatch.core.ReporterContact;
import city.dispatch.core.ReporterNotices;
import city.platform.Endpoint;
import city.platform.HttpError;
import city.platform.HttpRequest;
import city.platform.HttpResponse;
import city.platform.InvalidInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hotline's write routes for the command centre (ops role): a call-taker's intake, the unit the command centre
 * chooses, the department's resolve and the phone follow-up. Served by the Open311 function, which already writes
 * incidents, keeps contacts and publishes orders; reads are the ops function's.
 */
final class WorkOrderEndpoints {
  private WorkOrderEndpoints() {}

  record Created(String workOrderId, String serviceRequestId, String status, String department, int reportCount,
      boolean duplicate) {}

  static List<Endpoint> of(Hotline hotline, IncidentEvents events, ReporterNotices notices) {
    return List.of(
        new Endpoint("POST /ops/workorders", request -> {
          Open311Desk.Submission submission = hotline.intake(Open311Handler.fields(request),
              request.header("idempotency-key"), request.requireCaller().subject());
          if (submission.outcome() == Open311Desk.Outcome.KEY_REUSED) {
            throw HttpError.conflict("this Idempotency-Key was already used for a different work order");
          }
          Incident incident = submission.incident();
          notices.received(incident, submission.reporterId());
          boolean joined = submission.outcome() == Open311Desk.Outcome.JOINED;
          if (!joined && incident.status() != IncidentStatus.AWAITING_CONFIRMATION) {
            events.opened(incident);
          }
          return HttpResponse.created(new Created(incident.incidentId(), incident.incidentId(),
              incident.status().wireName(), incident.workOrder().department(), incident.workOrder().reportCount(), joined));
        }),
        new Endpoint("POST /ops/workorders/{workOrderId}/resolve", request -> {
          String id = request.pathParameter("workOrderId");
          Hotline.Result result = hotline.resolve(id, request.requireCaller().subject(), note(request));
          refuse(result, id);
          return HttpResponse.ok(WorkOrderView.of(result.incident(), true));
        }),
        new Endpoint("POST /ops/workorders/{workOrderId}/assign", request -> {
          String id = request.pathParameter("workOrderId");
          String unitId = Open311Handler.fields(request).get("unitId");
          if (unitId == null || unitId.isBlank()) {
            throw new InvalidInput("unitId is required: the unit to send");
          }
          Hotline.Result result = hotline.assign(id, unitId.trim(), request.requireCaller().subject());
          refuse(result, id);
          return HttpResponse.ok(WorkOrderView.of(result.incident(), true));
        }),
        new Endpoint("GET /ops/workorders/{workOrderId}/contacts", request -> {
          String id = request.pathParameter("workOrderId");
          Hotline.Contacts contacts = hotline.contacts(id, request.requireCaller().subject())
              .orElseThrow(() -> HttpError.notFound("no work order " + id));
          return HttpResponse.ok(new ContactList(contacts.incident().workOrder().reporters().stream()
              .map(r -> ContactView.of(r, contacts.byReporter().get(r.reporterId()))).toList()))
              .withHeader("Cache-Control", "no-store");
        }),
        new Endpoint("POST /ops/workorders/{workOrderId}/followup", request -> {
          String id = request.pathParameter("workOrderId");
          Hotline.Result result = hotline.feedback(id, Hotline.Feedback.parse(Open311Handler.fields(request)),
              Optional.empty(), request.requireCaller().subject());
          refuse(result, id);
          return HttpResponse.ok(WorkOrderView.of(result.incident(), true));
        }));
  }

  /** One reporter's contact (personal data: ops only, never cached); all null once TTL deleted it. */
  record ContactView(String reporterId, String channel, String name, String phone, String email) {
    static ContactView of(Reporter reporter, ReporterContact contact) {
      if (contact == null) {
        return new ContactView(reporter.reporterId(), reporter.channel().wireName(), null, null, null);
      }
      String name = contact.firstName() == null ? contact.lastName()
          : contact.lastName() == null ? contact.firstName() : contact.firstName() + " " + contact.lastName();
      return new ContactView(reporter.reporterId(), reporter.channel().wireName(), name, contact.phone(), contact.email());
    }

    /** Names the fields only, like {@link ReporterContact#toString}. */
    @Override
    public String toString() {
      return "ContactView[personal data withheld]";
    }
  }

  record ContactList(List<ContactView> contacts) {}

  /** Throws the refusal a result stands for; DONE and ALREADY answer alike. */
  static void refuse(Hotline.Result result, String id) {
    switch (result.outcome()) {
      case NOT_FOUND -> throw HttpError.notFound("no work order " + id);
      case FORBIDDEN -> throw HttpError.forbidden(result.reason());
      case CONFLICT -> throw HttpError.conflict(result.reason());
      default -> { }
    }
  }

  /** {"note": "..."} or a form's note: required, the resolution the citizen reads. */
  private static String note(HttpRequest request) {
    Map<String, String> fields = new LinkedHashMap<>(Open311Handler.fields(request));
    String note = fields.get("note");
    if (note == null || note.isBlank() || note.length() > 1000) {
      throw new InvalidInput("note is required: the resolution, at most 1000 characters");
    }
    return note.trim();
  }
}
