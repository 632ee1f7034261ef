package city.dispatch.core;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * 督办, the rule: a work order is overdue once a deadline passes unmet (not accepted by {@code acceptBy}, not
 * resolved by {@code resolveBy}); level 1 (the department's supervisor) at that deadline, level 2 (the command centre)
 * at twice the time allowed to resolve it. Each level is reached once.
 */
public final class Supervision {
  /** The actor of supervision's steps in a work order's history. */
  public static final String ACTOR = "supervision";
  /** What the supervision message gives as the cause of a deadline escalation. */
  public static final String DEADLINE = "deadline";
  public static final int SUPERVISOR = 1;
  public static final int COMMAND_CENTRE = 2;

  private Supervision() {}

  /** The highest level due at {@code now}: 0 while every deadline holds. */
  public static int levelDue(WorkOrder order, OffsetDateTime now) {
    Duration allowed = Duration.between(order.deadlineFrom(), order.resolveBy());
    if (!now.isBefore(order.resolveBy().plus(allowed))) {
      return COMMAND_CENTRE;
    }
    boolean acceptMissed = order.acceptedAt() == null && !now.isBefore(order.acceptBy());
    return acceptMissed || !now.isBefore(order.resolveBy()) ? SUPERVISOR : 0;
  }

  /** Why the level was reached, for the history and the supervision message (no personal data). */
  public static String reason(WorkOrder order, int level, OffsetDateTime now) {
    if (level == COMMAND_CENTRE) {
      return "to the command centre: twice the time allowed passed, resolve deadline " + order.resolveBy();
    }
    return "to the " + order.department() + " supervisor: " + (now.isBefore(order.resolveBy())
        ? "not accepted by " + order.acceptBy() : "not resolved by " + order.resolveBy());
  }

  public static String escalatedTo(int level) {
    return level == COMMAND_CENTRE ? "command-centre" : "department-supervisor";
  }
}
