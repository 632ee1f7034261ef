package city.dispatch.core;

import city.platform.DevicePublisher;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The scheduled check of every open work order against its deadlines ({@link Supervision}). Each new level is
 * published (MQTT {@code ops/supervision/{department}} and the city bus's {@value IncidentEvents#OVERDUE}) and then
 * written with the incident's conditional write: a run that dies in between publishes again on the next run under
 * the same event id, and a level once written is never published again.
 */
public final class HotlineSupervision {
  public static final String TOPIC_PREFIX = "ops/supervision/";
  private static final int RETRIES = 8;

  private final DispatchSettings settings;
  private final IncidentStore incidents;
  private final DevicePublisher publisher;
  private final IncidentEvents events;
  private final AckTimeoutSupervision ackTimeouts;
  private final Clock clock;

  public HotlineSupervision(DispatchSettings settings, IncidentStore incidents, DevicePublisher publisher,
      IncidentEvents events, Clock clock) {
    this.settings = settings;
    this.incidents = incidents;
    this.publisher = publisher;
    this.events = events;
    this.ackTimeouts = new AckTimeoutSupervision(settings, incidents, publisher, clock);
    this.clock = clock;
  }

  /**
   * What ops consoles hear on {@code ops/supervision/{department}}: a deadline escalation (also the bus event's detail)
   * or the record of an acknowledgement timeout ({@link AckTimeouts}).
   *
   * @param level the level reached; for an acknowledgement timeout the work order's level as it stands (it raises none)
   * @param cause {@value Supervision#DEADLINE} or {@value AckTimeouts#CAUSE}
   * @param unitId for an acknowledgement timeout: the unit that did not accept
   * @param redispatchedTo for an acknowledgement timeout: the unit given the work order next; null while it is queued
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Notice(String eventId, String workOrderId, String department, String serviceCode, int level,
      String escalatedTo, String reason, OffsetDateTime acceptBy, OffsetDateTime resolveBy, OffsetDateTime at,
      String cause, String unitId, String redispatchedTo) {}

  /** @return how many escalations this run made */
  public int run() {
    int escalated = 0;
    for (IncidentStatus status : IncidentStatus.values()) {
      if (!status.active()) {
        continue;
      }
      for (String kind : settings.kinds()) {
        for (Incident incident : incidents.active(status, kind)) {
          if (incident.workOrder() != null) {
            escalated += supervise(recordAckTimeouts(incident));
          }
        }
      }
    }
    return escalated;
  }

  /**
   * Writes the acknowledgement-timeout records a sweep that died after its withdrawal left unwritten.
   *
   * @return the work order as it is now
   */
  private Incident recordAckTimeouts(Incident incident) {
    if (ackTimeouts.record(incident) == 0) {
      return incident;
    }
    return incidents.find(incident.incidentId()).orElse(incident);
  }

  /** @return the levels this call reached */
  int supervise(Incident seen) {
    Incident current = seen;
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      OffsetDateTime now = settings.at(clock.instant());
      if (!current.status().active()) {
        return 0;
      }
      int due = Supervision.levelDue(current.workOrder(), now);
      int reached = current.workOrder().escalationLevel();
      if (due <= reached) {
        return 0;
      }
      Incident next = current;
      for (int level = reached + 1; level <= due; level++) {
        Notice notice = notice(current, level, now);
        publisher.publish(TOPIC_PREFIX + current.workOrder().department(), notice);
        events.overdue(notice);
        next = next.escalatedTo(level, notice.reason(), now);
      }
      if (incidents.replace(current, next)) {
        return due - reached;
      }
      Optional<Incident> again = incidents.find(current.incidentId());
      if (again.isEmpty()) {
        return 0;
      }
      current = again.get();
    }
    throw new IllegalStateException("work order " + seen.incidentId() + " kept changing; retry");
  }

  private static Notice notice(Incident incident, int level, OffsetDateTime now) {
    WorkOrder order = incident.workOrder();
    return new Notice(incident.incidentId() + "/overdue/" + order.reopenCount() + "/" + level, incident.incidentId(),
        order.department(), order.serviceCode(), level, Supervision.escalatedTo(level),
        Supervision.reason(order, level, now), order.acceptBy(), order.resolveBy(), now, Supervision.DEADLINE, null, null);
  }
}
