package city.bikeshare.core;

/** The bike-share table's name comes from this environment variable (set by CDK and by the twin). */
public final class BikeshareTable {
  public static final String ENV = "BIKESHARE_TABLE";

  private BikeshareTable() {}
}
