package city.catalog;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A class of device in the device contract (a parking sensor, a response unit...). Its wire name is what
 * topic rules name as their publisher, what the IoT thing groups and policies are called after, and what
 * the ops API shows. A domain declares its own classes; the platform knows none of them.
 *
 * @param silentAfter the default heartbeat: a device of the class that sends nothing for longer is silent (a city
 *     file's {@code integration.silentAfterMinutes} overrides it per class); null when silence is not watched
 */
public record DeviceClass(String wireName, Duration silentAfter) {
  public DeviceClass {
    if (wireName == null || !wireName.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("a device class is named in lower case with dashes: " + wireName);
    }
  }

  /** A class whose silence is not watched unless the city file gives it a heartbeat. */
  public DeviceClass(String wireName) {
    this(wireName, null);
  }

  public Optional<Duration> defaultSilentAfter() {
    return Optional.ofNullable(silentAfter);
  }

  /** A class is its wire name: the heartbeat is a default, not part of its identity. */
  @Override
  public boolean equals(Object other) {
    return other instanceof DeviceClass that && wireName.equals(that.wireName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(wireName);
  }

  @Override
  public String toString() {
    return wireName;
  }
}
