package city.dispatch.core;

import city.platform.InvalidInput;
import java.util.Optional;

/**
 * Applies units' acknowledgements to incidents (the rules are {@link Incident#acknowledged}). A resolve closes
 * the incident, frees the unit for the next queued incident, lets the sensor's next alert open a new one and
 * tells the city ({@link IncidentEvents#CLOSED}).
 */
public final class AckProcessor {
  private static final int RETRIES = 8;

  private final DispatchSettings settings;
  private final IncidentStore incidents;
  private final SensorStore sensors;
  private final Dispatcher dispatcher;
  private final IncidentEvents events;

  public AckProcessor(DispatchSettings settings, IncidentStore incidents, SensorStore sensors, Dispatcher dispatcher,
      IncidentEvents events) {
    this.settings = settings;
    this.incidents = incidents;
    this.sensors = sensors;
    this.dispatcher = dispatcher;
    this.events = events;
  }

  /** @return true when the ack changed the incident (a duplicate or overtaken ack returns false) */
  public boolean apply(UnitAck ack) {
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      Incident current = incidents.find(ack.incidentId())
          .orElseThrow(() -> new InvalidInput("no incident " + ack.incidentId()));
      Optional<Incident> next = current.acknowledged(ack.unitId(), ack.action(), settings.at(ack.receivedAt()));
      if (next.isEmpty()) {
        if (ack.action() == AckAction.RESOLVE && !current.status().active()
            && current.unitId().filter(ack.unitId()::equals).isPresent()) {
          // a retried resolve: finish what a handler that died after closing may have left undone
          closed(current);
        }
        return false;
      }
      if (incidents.replace(current, next.get())) {
        if (!next.get().status().active()) {
          closed(next.get());
        }
        return true;
      }
    }
    throw new IllegalStateException("incident " + ack.incidentId() + " kept changing; retry");
  }

  /**
   * Idempotent: both writes are conditional on still naming this incident, and the event's id is fixed. A retried
   * resolve comes here again, so an event whose publish failed is published then.
   */
  private void closed(Incident incident) {
    if (incident.report().source() == IncidentSource.SENSOR) {
      sensors.clear(incident.report().origin(), incident.incidentId());
    }
    dispatcher.closed(incident);
    events.closed(incident, IncidentEvents.RESOLVED, incident.milestones().closedAt());
  }
}
