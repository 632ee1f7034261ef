package city.parking.api;

import city.catalog.DeviceClass;

/** The device classes whose messages the parking handlers accept; the module declares them to the catalog. */
public final class ParkingDevices {
  public static final DeviceClass SENSOR = new DeviceClass("parking-sensor");
  public static final DeviceClass CAMERA = new DeviceClass("plate-camera");

  private ParkingDevices() {}
}
