package city.local.cost;

import city.platform.City;
import city.platform.DeviceType;

/** A workload's device counts read from a city file: the devices it provisions. */
final class CityDevices {
  private CityDevices() {}

  static Workload apply(Workload rates, City city) {
    return rates.withDevices(count(city, DeviceType.PARKING_SENSOR), count(city, DeviceType.PLATE_CAMERA),
        count(city, DeviceType.SAFETY_SENSOR), count(city, DeviceType.UNIT), count(city, DeviceType.DOCK),
        count(city, DeviceType.TRUCK));
  }

  private static long count(City city, DeviceType type) {
    return city.devices().stream().filter(d -> d.type() == type).count();
  }
}
