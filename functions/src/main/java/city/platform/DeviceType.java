package city.platform;

/** Device classes of the device contract; the wire name is what the ops API and IoT thing types use. */
public enum DeviceType {
  PARKING_SENSOR("parking-sensor"),
  PLATE_CAMERA("plate-camera"),
  SAFETY_SENSOR("safety-sensor"),
  UNIT("unit"),
  DOCK("dock"),
  TRUCK("truck");

  private final String wireName;

  DeviceType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static DeviceType fromWireName(String name) {
    for (DeviceType type : values()) {
      if (type.wireName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown device type " + name);
  }
}
