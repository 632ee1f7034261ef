package city.parking.api;

import city.parking.core.ParkingSettings;
import city.parking.core.ParkingStores;
import city.parking.core.PlateRead;
import city.parking.core.PlateService;
import city.platform.City;
import city.platform.DeadLetterStore;
import city.platform.DeviceMessage;
import city.platform.DeviceMessageHandler;
import city.platform.DynamoDeadLetterStore;
import java.time.Clock;

/**
 * parking/cameras/{cameraId}/plates: a plate camera read a plate at a space. A read for a space the camera
 * does not cover (per the city file) is refused into the dead letters with that reason.
 */
public final class PlateReadHandler extends DeviceMessageHandler {
  private final PlateService plates;

  public PlateReadHandler() {
    this(City.current(), Wiring.storesFromEnvironment(), DynamoDeadLetterStore.fromEnvironment(), Clock.systemUTC());
  }

  public PlateReadHandler(City city, ParkingStores stores, DeadLetterStore deadLetters, Clock clock) {
    super(ParkingDevices.CAMERA, city, deadLetters);
    this.plates = new PlateService(ParkingSettings.of(city), stores.spaces(), stores.sessions(), stores.plateReads(),
        clock);
  }

  @Override
  protected void handle(DeviceMessage message) {
    plates.accept(PlateRead.extract(message));
  }
}
