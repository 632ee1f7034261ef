package city.bikeshare.core.plan;

import com.fasterxml.jackson.annotation.JsonValue;

/** A stored plan's life: written, then published to the trucks, until a newer plan takes its place. */
public enum PlanStatus {
  /** Stored; the latest-plan pointer may or may not point at it yet, tasks may be on their way. */
  PUBLISHING("publishing"),
  /** The latest plan: every truck has been sent its task list. */
  ACTIVE("active"),
  /** A newer plan exists; trucks drop this plan's tasks when they receive the newer ones. */
  SUPERSEDED("superseded");

  private final String wireName;

  PlanStatus(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  public static PlanStatus fromWireName(String name) {
    for (PlanStatus status : values()) {
      if (status.wireName.equals(name)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown plan status " + name);
  }
}
