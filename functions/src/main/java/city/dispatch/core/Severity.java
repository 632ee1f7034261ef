package city.dispatch.core;

import city.platform.InvalidInput;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** FIWARE Alert severity, mildest first. */
public enum Severity {
  INFORMATIONAL("informational"),
  LOW("low"),
  MEDIUM("medium"),
  HIGH("high"),
  CRITICAL("critical");

  private final String wireName;

  Severity(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static Severity fromWireName(String name) {
    for (Severity severity : values()) {
      if (severity.wireName.equals(name)) {
        return severity;
      }
    }
    throw new InvalidInput("severity must be one of informational, low, medium, high, critical");
  }

  public Severity max(Severity other) {
    return other != null && other.ordinal() > ordinal() ? other : this;
  }
}
