package city.dispatch.api;

import city.catalog.DeviceClass;
import java.time.Duration;

/**
 * The device classes that talk to dispatch. Beside the handlers that take their messages, not in the module:
 * the module names the handlers, so handlers reading constants from the module would make a package cycle.
 */
public final class DispatchDevices {
  public static final DeviceClass SAFETY_SENSOR = new DeviceClass("safety-sensor", Duration.ofMinutes(1440));
  public static final DeviceClass UNIT = new DeviceClass("unit", Duration.ofMinutes(60));

  private DispatchDevices() {}
}
