package city.dispatch.core;

import city.platform.InvalidInput;

/**
 * What a unit acknowledges on units/{unitId}/acks about the incident it works on, and the incident status each
 * one reaches. The fourth action, {@code cancel}, confirms a withdrawal and moves nothing: {@link CancelAck}.
 */
public enum AckAction {
  ACCEPT("accept", IncidentStatus.ACCEPTED),
  ARRIVE("arrive", IncidentStatus.ON_SCENE),
  RESOLVE("resolve", IncidentStatus.CLOSED);

  private final String wireName;
  private final IncidentStatus reaches;

  AckAction(String wireName, IncidentStatus reaches) {
    this.wireName = wireName;
    this.reaches = reaches;
  }

  public String wireName() {
    return wireName;
  }

  public IncidentStatus reaches() {
    return reaches;
  }

  public static AckAction fromWireName(String name) {
    for (AckAction action : values()) {
      if (action.wireName.equals(name)) {
        return action;
      }
    }
    throw new InvalidInput("action must be one of accept, arrive, resolve, cancel");
  }
}
