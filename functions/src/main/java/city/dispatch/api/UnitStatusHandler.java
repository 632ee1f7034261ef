package city.dispatch.api;

import city.dispatch.core.DispatchSettings;
import city.dispatch.core.Dispatcher;
import city.dispatch.core.UnitStatusReport;
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
    this(City.current(), Wiring.fromEnvironment(City.current()), DynamoDeadLetterStore.fromEnvironment());
  }

  public UnitStatusHandler(City city, Wiring wiring, DeadLetterStore deadLetters) {
    super(DispatchDevices.UNIT, city, deadLetters);
    this.settings = wiring.settings();
    this.dispatcher = wiring.dispatcher();
  }

  @Override
  protected void handle(DeviceMessage message) {
    dispatcher.unitReported(UnitStatusReport.extract(message, settings), settings.at(message.receivedAt()));
  }
}
