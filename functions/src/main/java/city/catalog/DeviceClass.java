package city.catalog;

/**
 * A class of device in the device contract (a parking sensor, a response unit...). Its wire name is what
 * topic rules name as their publisher, what the IoT thing groups and policies are called after, and what
 * the ops API shows. A domain declares its own classes; the platform knows none of them.
 */
public record DeviceClass(String wireName) {
  public DeviceClass {
    if (wireName == null || !wireName.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("a device class is named in lower case with dashes: " + wireName);
    }
  }

  @Override
  public String toString() {
    return wireName;
  }
}
