package city.parking.core;

/** FIWARE ParkingSpot status vocabulary. */
public enum SpaceStatus {
  FREE("free"),
  OCCUPIED("occupied"),
  CLOSED("closed"),
  UNKNOWN("unknown");

  private final String wireName;

  SpaceStatus(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static SpaceStatus of(boolean occupied) {
    return occupied ? OCCUPIED : FREE;
  }

  public static SpaceStatus fromWireName(String name) {
    for (SpaceStatus status : values()) {
      if (status.wireName.equals(name)) {
        return status;
      }
    }
    return UNKNOWN;
  }
}
