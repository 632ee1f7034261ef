package city.dispatch;

import city.platform.City;
import city.platform.DeadLetterStore;
import city.platform.DeviceMessage;
import city.platform.DeviceMessageHandler;
import city.platform.DynamoDeadLetterStore;

/** units/{unitId}/acks: accept, arrive, resolve. */
public final class AckHandler extends DeviceMessageHandler {
  private final AckProcessor acks;

  public AckHandler() {
    this(City.current(), DispatchRuntime.fromEnvironment(City.current()), DynamoDeadLetterStore.fromEnvironment());
  }

  public AckHandler(City city, DispatchRuntime runtime, DeadLetterStore deadLetters) {
    super(DispatchModule.UNIT, city, deadLetters);
    this.acks = new AckProcessor(runtime.settings(), runtime.incidents(), runtime.sensors(), runtime.dispatcher());
  }

  @Override
  protected void handle(DeviceMessage message) {
    acks.apply(UnitAck.extract(message));
  }
}
