package city.local.faults;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A service whose calls a {@link FaultPlan} may fail, by the name the plan's spec gives it. */
public enum FaultTarget {
  DYNAMODB("dynamodb"), IOT("iot"), EVENTS("events");

  private final String wireName;

  FaultTarget(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The faults this service's calls meet, equally often. */
  public List<Fault> faults() {
    return Arrays.stream(Fault.values()).filter(fault -> fault.target() == this).toList();
  }

  static Optional<FaultTarget> named(String name) {
    return Arrays.stream(values()).filter(target -> target.wireName.equals(name)).findFirst();
  }
}
