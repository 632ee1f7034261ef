package city.dispatch.api;

import city.dispatch.core.HistoryEntry;
import city.dispatch.core.Incident;
import city.dispatch.core.Report;
import city.dispatch.core.WorkOrder;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A work order as the command centre sees it (GET /ops/workorders/{workOrderId}): every field, {@code rating} null
 * until rated, the full history. Reporters are listed by their request id and channel only: their contacts stay in
 * the contacts item.
 */
record WorkOrderView(
    String workOrderId,
    String status,
    String channel,
    String department,
    String serviceCode,
    String category,
    int priority,
    String kind,
    String unitId,
    Double lat,
    Double lon,
    boolean positionEstimated,
    String address,
    String description,
    OffsetDateTime reportedAt,
    int reportCount,
    List<ReporterView> reporters,
    OffsetDateTime acceptBy,
    OffsetDateTime resolveBy,
    boolean overdue,
    int escalationLevel,
    int reopenCount,
    Integer rating,
    String ratingComment,
    String resolution,
    OffsetDateTime closedAt,
    Boolean closedOnTime,
    List<HistoryEntry> history) {

  /** @param signedIn filed with a citizen token, so that citizen may rate it */
  record ReporterView(String reporterId, String channel, boolean signedIn, OffsetDateTime at) {}

  record WorkOrders(List<WorkOrderView> workOrders) {}

  static WorkOrderView of(Incident incident, boolean withHistory) {
    Report report = incident.report();
    WorkOrder order = incident.workOrder();
    return new WorkOrderView(incident.incidentId(), incident.status().wireName(), order.channel().wireName(),
        order.department(), order.serviceCode(), report.category(), incident.priority(), report.kind(),
        incident.unitId().orElse(null), report.position().lat(), report.position().lon(), report.positionEstimated(),
        report.address(), report.description(), report.reportedAt(), order.reportCount(),
        order.reporters().stream().map(r -> new ReporterView(r.reporterId(), r.channel().wireName(), r.citizen() != null,
            r.at())).toList(),
        order.acceptBy(), order.resolveBy(), order.overdue(), order.escalationLevel(), order.reopenCount(),
        order.rating(), order.ratingComment(), order.resolution(), order.closedAt(), order.closedOnTime(),
        withHistory ? incident.history() : null);
  }
}
