package city.ops;

import city.catalog.Device;
import city.platform.City;
import city.platform.GeoPoint;

/** Where a device is, as the city file says (its {@code lat}, {@code lon}); else the city centre. */
final class DevicePositions {
  private DevicePositions() {}

  static GeoPoint of(City city, Device device) {
    if (device.attributes().path("lat").isNumber() && device.attributes().path("lon").isNumber()) {
      return new GeoPoint(device.attributes().path("lat").asDouble(), device.attributes().path("lon").asDouble());
    }
    return new GeoPoint(city.root().path("city").path("lat").asDouble(), city.root().path("city").path("lon").asDouble());
  }
}
