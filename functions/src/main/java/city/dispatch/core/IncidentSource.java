package city.dispatch.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where an incident came from: a safety sensor's alert or a citizen's Open311 request. */
public enum IncidentSource {
  SENSOR("sensor"),
  OPEN311("open311");

  private final String wireName;

  IncidentSource(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static IncidentSource fromWireName(String name) {
    for (IncidentSource source : values()) {
      if (source.wireName.equals(name)) {
        return source;
      }
    }
    throw new IllegalArgumentException("unknown incident source " + name);
  }
}
