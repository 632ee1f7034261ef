package city.dispatch.core;

import city.platform.DevicePublisher;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Writes the supervision records of {@link AckTimeouts}: each is published on MQTT {@code ops/supervision/{department}}
 * and then written with the incident's conditional write, as the deadline escalations are. A writer that dies in
 * between leaves it unrecorded, so the next one (the supervision run) publishes it again under the same event id
 * ({@code <workOrderId>/ack-timeout/<n>}); once written it is never published again. No bus event: no other domain acts
 * on a unit that did not answer, and the work order's own events stay as they are.
 */
public final class AckTimeoutSupervision {
  private static final int RETRIES = 8;

  private final DispatchSettings settings;
  private final IncidentStore incidents;
  private final DevicePublisher publisher;
  private final Clock clock;

  public AckTimeoutSupervision(DispatchSettings settings, IncidentStore incidents, DevicePublisher publisher,
      Clock clock) {
    this.settings = settings;
    this.incidents = incidents;
    this.publisher = publisher;
    this.clock = clock;
  }

  /** @return how many records this call wrote */
  public int record(String incidentId) {
    return incidents.find(incidentId).map(this::record).orElse(0);
  }

  /** @return how many records this call wrote; none for an incident stored before work orders */
  public int record(Incident seen) {
    Incident current = seen;
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      List<AckTimeouts.Missed> missed = current.workOrder() == null ? List.of() : AckTimeouts.unrecorded(current);
      if (missed.isEmpty()) {
        return 0;
      }
      Incident next = current;
      for (AckTimeouts.Missed one : missed) {
        HotlineSupervision.Notice notice = notice(current, one);
        publisher.publish(HotlineSupervision.TOPIC_PREFIX + current.workOrder().department(), notice);
        next = next.ackTimeoutRecorded(notice.reason(), settings.at(clock.instant()));
      }
      if (incidents.replace(current, next)) {
        return missed.size();
      }
      Optional<Incident> again = incidents.find(current.incidentId());
      if (again.isEmpty()) {
        return 0;
      }
      current = again.get();
    }
    throw new IllegalStateException("work order " + seen.incidentId() + " kept changing; retry");
  }

  /** Dated by the withdrawal, so a message published again is the very same. */
  private HotlineSupervision.Notice notice(Incident incident, AckTimeouts.Missed missed) {
    WorkOrder order = incident.workOrder();
    return new HotlineSupervision.Notice(AckTimeouts.eventId(incident.incidentId(), missed), incident.incidentId(),
        order.department(), order.serviceCode(), order.escalationLevel(), Supervision.escalatedTo(Supervision.SUPERVISOR),
        AckTimeouts.reason(missed, settings.ackTimeout()), order.acceptBy(), order.resolveBy(), missed.at(),
        AckTimeouts.CAUSE, missed.unitId(), missed.redispatchedTo());
  }
}
