package city.local.cost;

import city.platform.City;

/** A workload's device counts read from a city file: the devices it provisions. */
final class CityDevices {
  private CityDevices() {}

  static Workload apply(Workload rates, City city) {
    return rates.withDevices(count(city, "parking-sensor"), count(city, "plate-camera"),
        count(city, "safety-sensor"), count(city, "unit"), count(city, "dock"),
        count(city, "truck"));
  }

  /** Devices of the class with this wire name (the workload's units are the device contract's classes). */
  private static long count(City city, String deviceClass) {
    return city.devices().stream().filter(d -> d.type().wireName().equals(deviceClass)).count();
  }
}
