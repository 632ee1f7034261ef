package city.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * How far a device's clock may be from the broker's. A device time more than {@code maxClockSkew} ahead of the
 * message's arrival, or more than {@code maxMessageAge} before it, comes from a clock that reset or drifted
 * (a sensor once billed 785,160 yuan for a session "from 2016 to 2026"), never from a late network: it is
 * refused into the dead letters. Set in the city file's {@code platform} section, e.g.
 * {@code "platform": {"maxClockSkew": "24h", "maxMessageAge": "30d"}} (or ISO-8601, "PT24H").
 */
public record DeviceTimeLimits(Duration maxClockSkew, Duration maxMessageAge) {
  public static final DeviceTimeLimits DEFAULTS = new DeviceTimeLimits(Duration.ofHours(24), Duration.ofDays(30));
  public static final String SECTION = "platform";

  public DeviceTimeLimits {
    if (maxClockSkew.isNegative() || maxClockSkew.isZero() || maxMessageAge.isNegative() || maxMessageAge.isZero()) {
      throw new IllegalArgumentException("platform.maxClockSkew and platform.maxMessageAge must be positive");
    }
  }

  public static DeviceTimeLimits of(City city) {
    JsonNode section = city.section(SECTION);
    return new DeviceTimeLimits(duration(section, "maxClockSkew", DEFAULTS.maxClockSkew),
        duration(section, "maxMessageAge", DEFAULTS.maxMessageAge));
  }

  private static Duration duration(JsonNode section, String key, Duration fallback) {
    JsonNode value = section.get(key);
    if (value == null || value.isNull()) {
      return fallback;
    }
    try {
      return Config.parseDuration(value.asText());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(SECTION + "." + key + " must be a duration such as \"24h\", \"30d\" or"
          + " \"PT24H\", not " + value);
    }
  }

  /** Refuses a device time that no working clock produces for a message received at {@code receivedAt}. */
  public void check(String field, OffsetDateTime deviceTime, Instant receivedAt) {
    Instant time = deviceTime.toInstant();
    if (time.isAfter(receivedAt.plus(maxClockSkew))) {
      throw new InvalidInput("field " + field + " " + deviceTime + " is " + describe(Duration.between(receivedAt, time))
          + " ahead of the message's arrival at " + receivedAt + "; more than platform.maxClockSkew ("
          + describe(maxClockSkew) + ") is refused: check the device's clock");
    }
    if (time.isBefore(receivedAt.minus(maxMessageAge))) {
      throw new InvalidInput("field " + field + " " + deviceTime + " is " + describe(Duration.between(time, receivedAt))
          + " before the message's arrival at " + receivedAt + "; older than platform.maxMessageAge ("
          + describe(maxMessageAge) + ") is refused: check the device's clock");
    }
  }

  /** "3 days 2 h", "25 h 3 min", "40 s": enough to tell a reset clock from a drifting one. */
  static String describe(Duration duration) {
    long days = duration.toDays();
    long hours = duration.toHoursPart();
    long minutes = duration.toMinutesPart();
    if (days > 0) {
      return days + (days == 1 ? " day" : " days") + (hours > 0 ? " " + hours + " h" : "");
    }
    if (hours > 0) {
      return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
    }
    return minutes > 0 ? minutes + " min" : duration.toSecondsPart() + " s";
  }
}
