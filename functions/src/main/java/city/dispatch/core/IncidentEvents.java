package city.dispatch.core;

import city.platform.BusEvent;
import city.platform.EventPublisher;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What dispatch tells the rest of the city: an incident opened, an incident closed. Each is published after its
 * state change and again by a retry that finds the change already made; the event id is the incident id and the
 * transition (each happens once per incident, a closure once per reopen round), never the version, which later steps
 * move on.
 */
public final class IncidentEvents {
  public static final String SOURCE = "city.dispatch";
  public static final String OPENED = "Incident Opened";
  public static final String CLOSED = "Incident Closed";
  /** A work order missed a deadline: supervision escalated it (level 1 or 2). */
  public static final String OVERDUE = "Work Order Overdue";
  /** Closed by the resolving unit's ack. */
  public static final String RESOLVED = "resolved";

  private final EventPublisher publisher;

  public IncidentEvents(EventPublisher publisher) {
    this.publisher = publisher;
  }

  /** What {@code resolution} says when the city system closed its own incident (a silent device spoke again). */
  public static final String CLEARED = "cleared";

  /**
   * The public detail of both events (docs/events.md): where, what, and for a closed one how, when and by which unit;
   * {@code source} names what an incident the city system opened is about.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Detail(String incidentId, String category, String subCategory, String kind, String reportedBy,
      String origin, double lat, double lon, boolean positionEstimated, String severity, int priority,
      OffsetDateTime reportedAt, Map<String, String> source, String resolution, OffsetDateTime closedAt,
      String unitId) {}

  public void opened(Incident incident) {
    publisher.publish(BusEvent.of(SOURCE, OPENED, incident.report().reportedAt().toInstant(),
        incident.incidentId() + "/opened", detail(incident, null, null)));
  }

  /** @param resolution {@value #RESOLVED}, or how else it ended (a cancellation, say) */
  public void closed(Incident incident, String resolution, OffsetDateTime at) {
    publisher.publish(BusEvent.of(SOURCE, CLOSED, at.toInstant(), closedEventId(incident),
        detail(incident, resolution, at)));
  }

  /**
   * A work order closes once per reopen round: {@code <id>/closed} the first time (as before reopening existed), then
   * {@code <id>/closed/<reopenCount>}, so a consumer that deduplicates by the id still hears every closure.
   */
  static String closedEventId(Incident incident) {
    int round = incident.workOrder() == null ? 0 : incident.workOrder().reopenCount();
    return incident.incidentId() + "/closed" + (round == 0 ? "" : "/" + round);
  }

  /** The event id is the notice's: the work order, its reopen round and the level, so each is told once. */
  public void overdue(HotlineSupervision.Notice notice) {
    publisher.publish(BusEvent.of(SOURCE, OVERDUE, notice.at().toInstant(), notice.eventId(), notice));
  }

  private static Detail detail(Incident incident, String resolution, OffsetDateTime closedAt) {
    Report report = incident.report();
    return new Detail(incident.incidentId(), report.category(), report.subCategory(), report.kind(),
        report.source().wireName(), report.origin(), report.position().lat(), report.position().lon(),
        report.positionEstimated(), incident.severity() == null ? null : incident.severity().wireName(), incident.priority(), report.reportedAt(),
        report.systemSource(), resolution, closedAt, closedAt == null ? null : incident.unitId().orElse(null));
  }
}
