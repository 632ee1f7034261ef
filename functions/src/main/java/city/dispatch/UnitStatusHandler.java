package city.dispatch;

import city.platform.City;
import city.platform.DeadLetterStore;
import city.platform.DeviceMessage;
import city.platform.DeviceMessageHandler;
import city.platform.DynamoDeadLetterStore;

/** units/{unitId}/status: a unit's own status and position; one that becomes available takes the next queued incident. */
public final class UnitStatusHandler extends DeviceMessageHandler {
  private final DispatchSettings settings;
  private final Dispatcher dispatcher;

  public UnitStatusHandler() {
    this(City.current(), DispatchRuntime.fromEnvironment(City.current()), DynamoDeadLetterStore.fromEnvironment());
  }

  public UnitStatusHandler(City city, DispatchRuntime runtime, DeadLetterStore deadLetters) {
    super(DispatchModule.UNIT, city, deadLetters);
    this.settings = runtime.settings();
    this.dispatcher = runtime.dispatcher();
  }

  @Override
  protected void handle(DeviceMessage message) {
    dispatcher.unitReported(UnitStatusReport.extract(message, settings), settings.at(message.receivedAt()));
  }
}
