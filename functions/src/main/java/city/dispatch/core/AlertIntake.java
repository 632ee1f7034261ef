package city.dispatch.core;

import city.platform.InvalidInput;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Turns sensor alerts into incidents. A sensor's repeats merge into its open incident while each comes
 * within the merge window of the last one; a closed incident or a longer silence starts a new incident.
 *
 * <p>Concurrency: the per-sensor pointer to the open incident moves only by a conditional write, so two
 * alerts racing for a new incident agree on one; the incident itself is created with put-if-absent under
 * an id derived from the alert, so a redelivered alert lands on the incident it created and merges as a
 * no-op. If a handler dies after moving the pointer, the next alert (or the retry) creates the incident.
 */
public final class AlertIntake {
  private static final int RETRIES = 8;

  private final DispatchSettings settings;
  private final IncidentStore incidents;
  private final SensorStore sensors;
  private final HotlineSettings hotline;

  public AlertIntake(DispatchSettings settings, IncidentStore incidents, SensorStore sensors) {
    this(settings, incidents, sensors, HotlineSettings.defaults(settings));
  }

  /** @param hotline the departments and deadlines of the work order each new incident is */
  public AlertIntake(DispatchSettings settings, IncidentStore incidents, SensorStore sensors, HotlineSettings hotline) {
    this.hotline = hotline;
    this.settings = settings;
    this.incidents = incidents;
    this.sensors = sensors;
  }

  /** @param created false when the alert merged into an incident (or changed nothing) */
  public record Intake(Incident incident, boolean created) {}

  public Intake receive(AlertReport alert) {
    String kind = settings.kindOf(alert.category(), alert.subCategory())
        .orElseThrow(() -> new InvalidInput("no unit kind for alert category " + alert.category()
            + ": add it to the city file's dispatch.categories"));
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      Optional<String> open = sensors.openIncident(alert.sensorId());
      if (open.isPresent()) {
        Optional<Incident> existing = incidents.find(open.get());
        if (existing.isEmpty()) {
          return createOrMerge(open.get(), alert, kind);
        }
        if (existing.get().status().active() && withinWindow(existing.get(), alert.ts())) {
          return merge(existing.get(), alert);
        }
      }
      String incidentId = IncidentIds.forAlert(alert.sensorId(), alert.ts());
      if (sensors.point(alert.sensorId(), incidentId, open)) {
        return createOrMerge(incidentId, alert, kind);
      }
    }
    throw new IllegalStateException("sensor " + alert.sensorId() + " pointer kept changing; retry");
  }

  private boolean withinWindow(Incident incident, OffsetDateTime alertTs) {
    OffsetDateTime last = incident.alerts().lastAlertAt();
    return Duration.between(last, alertTs).compareTo(settings.mergeWindow()) <= 0;
  }

  private Intake createOrMerge(String incidentId, AlertReport alert, String kind) {
    Report report = new Report(IncidentSource.SENSOR, alert.sensorId(), alert.category(), alert.subCategory(), kind,
        alert.position(), false, null, alert.description(), null, settings.at(alert.receivedAt()), null);
    OffsetDateTime at = report.reportedAt();
    Incident incident = Incident.reported(incidentId, report, alert.severity(), settings.priorityOf(alert.severity()),
        new AlertTally(1, alert.ts()))
        .asWorkOrder(WorkOrder.opened(Channel.SENSOR, hotline.departmentOf(null, kind), alert.category(),
            hotline.deadlinesOf(null, kind), at, List.of()));
    if (incidents.create(incident, Optional.empty())) {
      return new Intake(incident, true);
    }
    return merge(incidents.find(incidentId).orElseThrow(), alert);
  }

  private Intake merge(Incident existing, AlertReport alert) {
    Incident current = existing;
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      Optional<Incident> merged = current.mergeAlert(alert.severity(), settings.priorityOf(alert.severity()), alert.ts(),
          settings.at(alert.receivedAt()));
      if (merged.isEmpty()) {
        return new Intake(current, false);
      }
      if (incidents.replace(current, merged.get())) {
        return new Intake(merged.get(), false);
      }
      current = incidents.find(current.incidentId()).orElseThrow();
    }
    throw new IllegalStateException("incident " + existing.incidentId() + " kept changing; retry");
  }
}
