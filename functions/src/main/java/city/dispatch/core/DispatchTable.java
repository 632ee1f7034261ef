package city.dispatch.core;

/** The dispatch tables' names come from these environment variables (set by CDK and by the twin). */
public final class DispatchTable {
  public static final String ENV = "DISPATCH_TABLE";
  /** Reporters' contact details: only the function that takes Open311 reports is given this table. */
  public static final String CONTACTS_ENV = "DISPATCH_CONTACTS_TABLE";

  private DispatchTable() {}
}
