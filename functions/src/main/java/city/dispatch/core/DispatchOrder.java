package city.dispatch.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * What a unit receives on units/{unitId}/dispatch: an order ({@code action} "assign") with what the crew needs
 * to respond, or a withdrawal ({@code action} "cancel"). Never carries a reporter's personal data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DispatchOrder(
    String incidentId,
    String action,
    Integer priority,
    String kind,
    String category,
    Double lat,
    Double lon,
    String address,
    String description,
    OffsetDateTime reportedAt,
    OffsetDateTime assignedAt,
    Double distanceKm,
    Long ackTimeoutSeconds,
    String reason) {

  public static String topic(String unitId) {
    return "units/" + unitId + "/dispatch";
  }

  public static DispatchOrder assign(Incident incident, long ackTimeoutSeconds) {
    Report report = incident.report();
    Assignment assignment = incident.assignment();
    return new DispatchOrder(incident.incidentId(), "assign", incident.priority(), report.kind(), report.category(),
        report.position().lat(), report.position().lon(), report.address(), report.description(), report.reportedAt(),
        assignment.assignedAt(), Math.round(assignment.distanceKm() * 100) / 100.0, ackTimeoutSeconds, null);
  }

  public static DispatchOrder cancel(String incidentId, String reason) {
    return new DispatchOrder(incidentId, "cancel", null, null, null, null, null, null, null, null, null, null, null, reason);
  }
}
