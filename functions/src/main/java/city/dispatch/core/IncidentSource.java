package city.dispatch.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where an incident came from: a safety sensor's alert, a citizen's Open311 request, a citizen's call to the 12345
 * hotline that a call-taker entered, or another part of the city system (an event on the city bus: an overstay, a
 * silent device), named by the report's {@code systemSource}.
 */
public enum IncidentSource {
  SENSOR("sensor"),
  OPEN311("open311"),
  PHONE("phone"),
  SYSTEM("system");

  private final String wireName;

  IncidentSource(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** A citizen's report, which Open311 serves as a service request whichever way it came in. */
  public boolean citizenReport() {
    return this == OPEN311 || this == PHONE;
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
