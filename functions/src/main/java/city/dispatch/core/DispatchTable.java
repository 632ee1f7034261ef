package city.dispatch.core;

/** The dispatch table's name comes from this environment variable (set by CDK and by the twin). */
public final class DispatchTable {
  public static final String ENV = "DISPATCH_TABLE";

  private DispatchTable() {}
}
