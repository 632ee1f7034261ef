package city.dispatch.api;

import city.dispatch.core.AlertIntake;
import city.dispatch.core.HotlineSettings;
import city.dispatch.core.AlertReport;
import city.dispatch.core.DispatchSettings;
import city.dispatch.core.Dispatcher;
import city.dispatch.core.IncidentEvents;
import city.dispatch.core.IncidentIds;
import city.dispatch.core.IncidentStatus;
import city.platform.City;
import city.platform.DeadLetterStore;
import city.platform.DeviceMessage;
import city.platform.DeviceMessageHandler;
import city.platform.DynamoDeadLetterStore;
import java.util.List;

/**
 * safety/sensors/{sensorId}/alerts: a new incident (dispatched at once, and {@link IncidentEvents#OPENED} on the
 * city bus) or a repeat merged into one.
 */
public final class AlertHandler extends DeviceMessageHandler {
  private final DispatchSettings settings;
  private final AlertIntake intake;
  private final Dispatcher dispatcher;
  private final IncidentEvents events;

  public AlertHandler() {
    this(City.current(), Wiring.fromEnvironment(City.current()), DynamoDeadLetterStore.fromEnvironment());
  }

  public AlertHandler(City city, Wiring wiring, DeadLetterStore deadLetters) {
    super(DispatchDevices.SAFETY_SENSOR, city, deadLetters);
    this.settings = wiring.settings();
    this.intake = new AlertIntake(wiring.settings(), wiring.incidents(), wiring.sensors(), HotlineSettings.of(city));
    this.dispatcher = wiring.dispatcher();
    this.events = wiring.incidentEvents();
  }

  @Override
  protected void handle(DeviceMessage message) {
    AlertReport alert = AlertReport.extract(message, settings);
    AlertIntake.Intake result = intake.receive(alert);
    // a merge may find its incident still queued after a handler died before dispatching: dispatch it now
    if (result.incident().status() == IncidentStatus.QUEUED) {
      dispatcher.drain(result.incident().kind(), List.of(result.incident()));
    }
    // the alert that created the incident, redelivered or retried, publishes again: its first publish may have failed
    if (result.created() || result.incident().incidentId().equals(IncidentIds.forAlert(alert.sensorId(), alert.ts()))) {
      events.opened(result.incident());
    }
  }
}
