package city.parking.api;

import city.parking.core.LateReadingCorrection;
import city.parking.core.OccupancyService;
import city.parking.core.ParkingSettings;
import city.parking.core.ParkingStores;
import city.parking.core.SessionBook;
import city.parking.core.WaitingReads;
import city.parking.core.session.OccupancyReading;
import city.platform.City;
import city.platform.DeadLetterStore;
import city.platform.DeviceMessage;
import city.platform.DeviceMessageHandler;
import city.platform.DynamoDeadLetterStore;
import java.time.Clock;

/** parking/spaces/{spaceId}/occupancy: a geomagnetic sensor says a space became occupied or free. */
public final class OccupancyHandler extends DeviceMessageHandler {
  private final OccupancyService occupancy;

  public OccupancyHandler() {
    this(City.current(), Wiring.storesFromEnvironment(), DynamoDeadLetterStore.fromEnvironment(), Clock.systemUTC());
  }

  public OccupancyHandler(City city, ParkingStores stores, DeadLetterStore deadLetters, Clock clock) {
    super(ParkingDevices.SENSOR, city, deadLetters);
    ParkingSettings settings = ParkingSettings.of(city);
    SessionBook book = new SessionBook(settings, stores.sessions());
    this.occupancy = new OccupancyService(settings, stores.spaces(), book, new WaitingReads(stores.plateReads()),
        new LateReadingCorrection(settings, stores.spaces(), stores.sessions(), stores.plateReads(), book), clock);
  }

  @Override
  protected void handle(DeviceMessage message) {
    occupancy.accept(OccupancyReading.extract(message));
  }
}
