package city.dispatch.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * An incident's life, in the only order it can go forward (a withdrawal puts it back to queued). An anonymous
 * report urgent enough to need a call-taker's confirmation starts awaiting it; confirmed, it is queued; rejected,
 * it is closed without a dispatch.
 */
public enum IncidentStatus {
  AWAITING_CONFIRMATION("awaiting_confirmation"),
  QUEUED("queued"),
  ASSIGNED("assigned"),
  ACCEPTED("accepted"),
  ON_SCENE("on_scene"),
  CLOSED("closed");

  private final String wireName;

  IncidentStatus(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static IncidentStatus fromWireName(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("unknown incident status " + name));
  }

  public static Optional<IncidentStatus> find(String name) {
    for (IncidentStatus status : values()) {
      if (status.wireName.equals(name)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  public boolean active() {
    return this != CLOSED;
  }

  /** A unit works on it: the states an acknowledgement can move forward. */
  public boolean held() {
    return this == ASSIGNED || this == ACCEPTED || this == ON_SCENE;
  }
}
