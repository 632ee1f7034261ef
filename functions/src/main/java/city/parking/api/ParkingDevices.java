package city.parking.api;

import city.catalog.DeviceClass;
import java.time.Duration;

/** The device classes whose messages the parking handlers accept; the module declares them to the catalog. */
public final class ParkingDevices {
  public static final DeviceClass SENSOR = new DeviceClass("parking-sensor", Duration.ofMinutes(1440));
  public static final DeviceClass CAMERA = new DeviceClass("plate-camera");

  private ParkingDevices() {}
}
