package city.dispatch.api;

import city.dispatch.core.AckProcessor;
import city.dispatch.core.HotlineSettings;
import city.dispatch.core.ReporterNotices;
import city.platform.City;
import city.platform.DeadLetterStore;
import city.platform.DeviceMessage;
import city.platform.DeviceMessageHandler;
import city.platform.DynamoDeadLetterStore;

/** units/{unitId}/acks: accept, arrive, resolve, and cancel (a withdrawn unit confirms it dropped the incident). */
public final class AckHandler extends DeviceMessageHandler {
  private final AckProcessor acks;

  public AckHandler() {
    this(City.current(), Wiring.fromEnvironment(City.current()), DynamoDeadLetterStore.fromEnvironment());
  }

  public AckHandler(City city, Wiring wiring, DeadLetterStore deadLetters) {
    super(DispatchDevices.UNIT, city, deadLetters);
    this.acks = new AckProcessor(wiring.settings(), wiring.incidents(), wiring.sensors(), wiring.dispatcher(),
        wiring.incidentEvents(), new ReporterNotices(HotlineSettings.of(city), wiring.notifier()));
  }

  @Override
  protected void handle(DeviceMessage message) {
    acks.receive(message);
  }
}
