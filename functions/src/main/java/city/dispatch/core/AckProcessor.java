package city.dispatch.core;

import city.platform.DeviceMessage;
import city.platform.InvalidInput;
import java.util.Optional;

/**
 * Applies units' acknowledgements to incidents (the rules are {@link Incident#acknowledged}). A resolve closes
 * the incident, frees the unit for the next queued incident, lets the sensor's next alert open a new one and
 * tells the city ({@link IncidentEvents#CLOSED}). An ack from a unit that does not hold the incident gets the unit
 * told again that it is not its incident; an ack of the incident it holds, or a cancel ack, settles the cancels it
 * was owed.
 */
public final class AckProcessor {
  private static final int RETRIES = 8;

  private final DispatchSettings settings;
  private final IncidentStore incidents;
  private final SensorStore sensors;
  private final Dispatcher dispatcher;
  private final IncidentEvents events;
  private final ReporterNotices notices;

  public AckProcessor(DispatchSettings settings, IncidentStore incidents, SensorStore sensors, Dispatcher dispatcher,
      IncidentEvents events, ReporterNotices notices) {
    this.settings = settings;
    this.incidents = incidents;
    this.sensors = sensors;
    this.dispatcher = dispatcher;
    this.events = events;
    this.notices = notices;
  }

  /** Any message on units/{unitId}/acks. */
  public void receive(DeviceMessage message) {
    if (CancelAck.is(message)) {
      confirmCancel(CancelAck.extract(message));
    } else {
      apply(UnitAck.extract(message));
    }
  }

  /** @return true when the ack changed the incident (a duplicate or overtaken ack returns false) */
  public boolean apply(UnitAck ack) {
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      Incident current = find(ack.incidentId());
      boolean holds = current.assignedTo(ack.unitId());
      Optional<Incident> next = current.acknowledged(ack.unitId(), ack.action(), settings.at(ack.receivedAt()));
      if (next.isEmpty()) {
        if (ack.action() == AckAction.RESOLVE && !current.status().active() && holds) {
          // a retried resolve: finish what a handler that died after closing may have left undone
          closed(current);
        } else if (ack.action() == AckAction.ACCEPT && current.status().active() && holds) {
          // a retried accept: the reporters' notice may be what a handler that died after the write left undone
          notices.dispatched(current, settings.at(ack.receivedAt()));
        }
        settleCancels(ack, holds);
        return false;
      }
      if (incidents.replace(current, next.get())) {
        if (!next.get().status().active()) {
          closed(next.get());
        } else if (ack.action() == AckAction.ACCEPT) {
          notices.dispatched(next.get(), settings.at(ack.receivedAt()));
        }
        settleCancels(ack, holds);
        return true;
      }
    }
    throw new IllegalStateException("incident " + ack.incidentId() + " kept changing; retry");
  }

  /**
   * A withdrawn unit confirms it dropped the incident: recorded once in the incident's history, then the cancel
   * is owed no more (in this order, so a retry after a failure in between still records it).
   *
   * @return true when the confirmation was news; a repeated one changes nothing
   */
  public boolean confirmCancel(CancelAck ack) {
    find(ack.incidentId());
    if (!dispatcher.owesCancel(ack.unitId(), ack.incidentId())) {
      return false;
    }
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      Incident current = find(ack.incidentId());
      Optional<Incident> next = current.cancelConfirmed(ack.unitId(), settings.at(ack.receivedAt()));
      if (next.isEmpty() || incidents.replace(current, next.get())) {
        dispatcher.cancelConfirmed(ack.unitId(), ack.incidentId());
        return true;
      }
    }
    throw new IllegalStateException("incident " + ack.incidentId() + " kept changing; retry");
  }

  private Incident find(String incidentId) {
    return incidents.find(incidentId).orElseThrow(() -> new InvalidInput("no incident " + incidentId));
  }

  private void settleCancels(UnitAck ack, boolean holds) {
    if (holds) {
      dispatcher.workingOn(ack.unitId());
    } else {
      dispatcher.strayAck(ack.unitId(), ack.incidentId());
    }
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
    notices.closed(incident, incident.milestones().closedAt());
  }
}
