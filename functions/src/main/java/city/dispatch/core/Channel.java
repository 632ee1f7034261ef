package city.dispatch.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a work order came in: a safety sensor's alert, a citizen's Open311 request, a call to the 12345 hotline taken
 * by a call-taker, or a rule of another domain (an overstay, a silent device).
 */
public enum Channel {
  SENSOR("sensor"),
  OPEN311("open311"),
  PHONE("phone"),
  SYSTEM("system");

  private final String wireName;

  Channel(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static Channel fromWireName(String name) {
    for (Channel channel : values()) {
      if (channel.wireName.equals(name)) {
        return channel;
      }
    }
    throw new IllegalArgumentException("unknown channel " + name);
  }
}
