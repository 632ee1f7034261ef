package city.dispatch.core;

import city.platform.DevicePublisher;
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
  private final Clock clock;

  public HotlineSupervision(DispatchSettings settings, IncidentStore incidents, DevicePublisher publisher,
      IncidentEvents events, Clock clock) {
    this.settings = settings;
    this.incidents = incidents;
    this.publisher = publisher;
    this.events = events;
    this.clock = clock;
  }

  /** What ops consoles hear on {@code ops/supervision/{department}}: the event's detail. */
  public record Notice(String eventId, String workOrderId, String department, String serviceCode, int level,
      String escalatedTo, String reason, OffsetDateTime acceptBy, OffsetDateTime resolveBy, OffsetDateTime at) {}

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
            escalated += supervise(incident);
          }
        }
      }
    }
    return escalated;
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
        Supervision.reason(order, level, now), order.acceptBy(), order.resolveBy(), now);
  }
}
