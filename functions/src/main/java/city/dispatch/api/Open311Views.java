package city.dispatch.api;

import city.dispatch.core.DispatchSettings;
import city.dispatch.core.HotlineSettings;
import city.dispatch.core.Incident;
import city.dispatch.core.Open311Status;
import city.dispatch.core.Report;
import city.dispatch.core.ServiceDefinition;
import city.dispatch.core.WorkOrder;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A work order as Open311 shows it: the department as {@code agency_responsible}, the resolve deadline as
 * {@code expected_datetime}, the resolution note in {@code status_notes} once closed, a {@code service_notice} when
 * others reported it too, and times to the second (strict ISO-8601 clients refuse nine fractional digits). Never a
 * reporter's contact or the crew.
 */
record Open311Views(DispatchSettings settings, HotlineSettings hotline) {

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record RequestView(
      String serviceRequestId,
      String status,
      String statusNotes,
      String serviceName,
      String serviceCode,
      String description,
      String agencyResponsible,
      String serviceNotice,
      OffsetDateTime requestedDatetime,
      OffsetDateTime updatedDatetime,
      OffsetDateTime expectedDatetime,
      String address,
      String addressId,
      String zipcode,
      Double lat,
      @JsonProperty("long") Double lon,
      String mediaUrl) {}

  /** The notice a duplicate's reporter gets, and GET repeats. */
  static String alreadyReported(Incident incident) {
    return "Already reported: your report joined service request " + incident.incidentId() + " ("
        + incident.workOrder().reportCount() + " reports).";
  }

  RequestView request(Incident incident) {
    Report report = incident.report();
    WorkOrder order = incident.workOrder();
    String serviceName = settings.service(report.origin()).map(ServiceDefinition::serviceName).orElse(report.origin());
    String agency = order == null ? settings.agency()
        : hotline.department(order.department()).map(d -> d.name()).orElse(order.department());
    boolean located = !report.positionEstimated();
    OffsetDateTime updated = incident.history().get(incident.history().size() - 1).at();
    return new RequestView(incident.incidentId(), Open311Status.of(incident), Open311Status.notes(incident),
        serviceName, report.origin(), report.description(), agency,
        order != null && order.reportCount() > 1 ? alreadyReported(incident) : null,
        seconds(report.reportedAt()), seconds(updated), order == null ? null : seconds(order.resolveBy()),
        report.address(), null, null,
        located ? report.position().lat() : null, located ? report.position().lon() : null, report.mediaUrl());
  }

  static OffsetDateTime seconds(OffsetDateTime at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS);
  }
}
