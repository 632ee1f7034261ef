package city.dispatch;

import city.platform.City;
import city.platform.DeadLetterStore;
import city.platform.DeviceMessage;
import city.platform.DeviceMessageHandler;
import city.platform.DynamoDeadLetterStore;
import java.util.List;

/** safety/sensors/{sensorId}/alerts: a new incident (dispatched at once) or a repeat merged into one. */
public final class AlertHandler extends DeviceMessageHandler {
  private final DispatchSettings settings;
  private final AlertIntake intake;
  private final Dispatcher dispatcher;

  public AlertHandler() {
    this(City.current(), DispatchRuntime.fromEnvironment(City.current()), DynamoDeadLetterStore.fromEnvironment());
  }

  public AlertHandler(City city, DispatchRuntime runtime, DeadLetterStore deadLetters) {
    super(DispatchModule.SAFETY_SENSOR, city, deadLetters);
    this.settings = runtime.settings();
    this.intake = new AlertIntake(runtime.settings(), runtime.incidents(), runtime.sensors());
    this.dispatcher = runtime.dispatcher();
  }

  @Override
  protected void handle(DeviceMessage message) {
    AlertIntake.Intake result = intake.receive(AlertReport.extract(message, settings));
    // a merge may find its incident still queued after a handler died before dispatching: dispatch it now
    if (result.incident().status() == IncidentStatus.QUEUED) {
      dispatcher.drain(result.incident().kind(), List.of(result.incident()));
    }
  }
}
