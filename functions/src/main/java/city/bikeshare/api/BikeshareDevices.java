package city.bikeshare.api;

import city.catalog.DeviceClass;
import java.time.Duration;

/** The device classes whose messages the bike-share handlers accept; the module declares them to the catalog. */
public final class BikeshareDevices {
  public static final DeviceClass DOCK = new DeviceClass("dock", Duration.ofMinutes(30));
  public static final DeviceClass TRUCK = new DeviceClass("truck");

  private BikeshareDevices() {}
}
