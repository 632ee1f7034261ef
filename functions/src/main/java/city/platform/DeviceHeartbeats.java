package city.platform;

import city.catalog.DeviceClass;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How long each device class may stay quiet before it counts as silent: the city file's
 * {@code integration.silentAfterMinutes} (by class wire name; fractions of a minute are allowed, for tests), else the
 * class's own default. A class with neither is not watched.
 */
public final class DeviceHeartbeats {
  private final Map<String, Duration> configured;

  private DeviceHeartbeats(Map<String, Duration> configured) {
    this.configured = Map.copyOf(configured);
  }

  public static DeviceHeartbeats of(City city) {
    Map<String, Duration> configured = new HashMap<>();
    city.section("integration").path("silentAfterMinutes").properties().forEach(entry -> {
      JsonNode minutes = entry.getValue();
      if (!minutes.isNumber() || minutes.asDouble() <= 0) {
        throw new IllegalArgumentException("integration.silentAfterMinutes." + entry.getKey()
            + " must be a number of minutes above 0");
      }
      configured.put(entry.getKey(), Duration.ofMillis(Math.round(minutes.asDouble() * 60_000)));
    });
    return new DeviceHeartbeats(configured);
  }

  public Optional<Duration> silentAfter(DeviceClass type) {
    return Optional.ofNullable(configured.get(type.wireName())).or(type::defaultSilentAfter);
  }
}
