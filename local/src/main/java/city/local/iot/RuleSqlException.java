package city.local.iot;

/** Rule SQL the twin cannot evaluate exactly; thrown when the twin starts, never per message. */
public final class RuleSqlException extends RuntimeException {
  public RuleSqlException(String reason, String sql) {
    super(reason + " in rule SQL: " + sql);
  }
}
