package city.dispatch.core;

import city.platform.InvalidInput;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The intake of incidents the city system opens (issue 12 rules 3 and 4): each has an id derived from what it is
 * about, so it is created once (put-if-absent) however often its event is delivered, then dispatched like any
 * incident (the same queue, the same claim protocol) and announced on the bus. Every step is repeated by a retry:
 * the dispatch finds the incident taken, the event keeps its id. Each is a work order of the {@code system} channel
 * (issue 13), referred to the department whose field units are of its kind, with that department's deadlines.
 */
public final class SystemIncidents {
  public static final String PARKING_ENFORCEMENT = "parking-enforcement";
  public static final String MAINTENANCE = "maintenance";
  /** A warden's job waits behind emergencies; a device's repair behind everything. */
  static final int ENFORCEMENT_PRIORITY = 4;
  static final int MAINTENANCE_PRIORITY = 5;
  private static final int RETRIES = 8;

  private final DispatchSettings settings;
  private final HotlineSettings hotline;
  private final IncidentStore incidents;
  private final Dispatcher dispatcher;
  private final IncidentEvents events;

  /** @param hotline the departments and deadlines of the work order each new incident is */
  public SystemIncidents(DispatchSettings settings, HotlineSettings hotline, IncidentStore incidents,
      Dispatcher dispatcher, IncidentEvents events) {
    this.settings = settings;
    this.hotline = hotline;
    this.incidents = incidents;
    this.dispatcher = dispatcher;
    this.events = events;
  }

  /** The one enforcement incident of a parking session. */
  public static String forSession(String sessionId) {
    return "E-" + sessionId;
  }

  /** @return the incident (the one created before, when the same report came again) and whether this call created it */
  public Opened open(SystemReport request) {
    String kind = settings.systemKindOf(request.category()).orElseThrow(() -> new InvalidInput(
        "no unit kind for " + request.category() + ": add it to the city file's dispatch.categories"));
    Report report = new Report(IncidentSource.SYSTEM, request.origin(), request.category(), null, kind,
        request.position(), false, null, request.description(), null, request.reportedAt(), null, request.source());
    Incident incident = Incident.reported(request.incidentId(), report, null, priority(request.category()), null)
        .asWorkOrder(WorkOrder.opened(Channel.SYSTEM, hotline.departmentOf(null, kind), request.category(),
            hotline.deadlinesOf(null, kind), request.reportedAt(), List.of()));
    boolean created = incidents.create(incident, Optional.empty());
    Incident current = created ? incident : incidents.find(request.incidentId()).orElseThrow();
    if (current.status() == IncidentStatus.QUEUED) {
      dispatcher.drain(kind, List.of(current));
    }
    events.opened(current);
    return new Opened(current, created);
  }

  public record Opened(Incident incident, boolean created) {}

  /**
   * What opened the incident is over: it closes (its unit, if one holds it, is told to drop it and freed) and the
   * city hears it closed. A retry after a failed publish finds it cleared and publishes again; an incident its unit
   * resolved first was announced by the resolve.
   *
   * @return true when this call closed it
   */
  public boolean clear(String incidentId, String reason, OffsetDateTime at) {
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      Optional<Incident> current = incidents.find(incidentId);
      if (current.isEmpty()) {
        return false;
      }
      Optional<Incident> cleared = current.get().clearedBySystem(reason, at);
      if (cleared.isEmpty()) {
        if (current.get().wasCleared()) {
          dispatcher.cleared(current.get(), reason);
          events.closed(current.get(), IncidentEvents.CLEARED, current.get().milestones().closedAt());
        }
        return false;
      }
      if (incidents.replace(current.get(), cleared.get())) {
        dispatcher.cleared(cleared.get(), reason);
        events.closed(cleared.get(), IncidentEvents.CLEARED, at);
        return true;
      }
    }
    throw new IllegalStateException("incident " + incidentId + " kept changing; retry");
  }

  private static int priority(String category) {
    return PARKING_ENFORCEMENT.equals(category) ? ENFORCEMENT_PRIORITY : MAINTENANCE_PRIORITY;
  }
}
