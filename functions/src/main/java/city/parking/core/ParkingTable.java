package city.parking.core;

/** The parking table's name comes from this environment variable (set by CDK and by the twin). */
public final class ParkingTable {
  public static final String ENV = "PARKING_TABLE";

  private ParkingTable() {}
}
