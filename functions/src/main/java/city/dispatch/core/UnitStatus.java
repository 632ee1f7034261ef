package city.dispatch.core;

import city.platform.InvalidInput;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a unit says about itself on units/{unitId}/status. */
public enum UnitStatus {
  AVAILABLE("available"),
  BUSY("busy"),
  OFFLINE("offline");

  private final String wireName;

  UnitStatus(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  public static UnitStatus fromWireName(String name) {
    for (UnitStatus status : values()) {
      if (status.wireName.equals(name)) {
        return status;
      }
    }
    throw new InvalidInput("status must be one of available, busy, offline");
  }
}
