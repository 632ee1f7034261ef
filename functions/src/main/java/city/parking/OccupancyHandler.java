package city.parking;

import city.platform.City;
import city.platform.DeadLetterStore;
import city.platform.DeviceMessage;
import city.platform.DeviceMessageHandler;
import city.platform.DynamoDeadLetterStore;
import city.platform.InvalidInput;
import java.time.Clock;

/** parking/spaces/{spaceId}/occupancy: a geomagnetic sensor says a space became occupied or free. */
public final class OccupancyHandler extends DeviceMessageHandler {
  private final ParkingLayout layout;
  private final OccupancyService occupancy;

  public OccupancyHandler() {
    this(City.current(), ParkingStores.fromEnvironment(), DynamoDeadLetterStore.fromEnvironment(), Clock.systemUTC());
  }

  public OccupancyHandler(City city, ParkingStores stores, DeadLetterStore deadLetters, Clock clock) {
    super(ParkingModule.SENSOR, city, deadLetters);
    ParkingSettings settings = ParkingSettings.of(city);
    SessionBook book = new SessionBook(settings, stores.sessions());
    this.layout = settings.layout();
    this.occupancy = new OccupancyService(settings, stores.spaces(), book, new WaitingReads(stores.plateReads()),
        new LateReadingCorrection(settings, stores.spaces(), stores.sessions(), stores.plateReads(), book), clock);
  }

  @Override
  protected void handle(DeviceMessage message) {
    OccupancyReading reading = OccupancyReading.extract(message);
    ParkingLayout.Zone zone = layout.zoneOf(reading.spaceId())
        .orElseThrow(() -> new InvalidInput("space " + reading.spaceId() + " belongs to no zone"));
    occupancy.apply(zone.zone(), reading);
  }
}
