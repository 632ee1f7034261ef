package city.dispatch.core;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * 督办 of an emergency's dispatch nobody accepted: each withdrawal for an acknowledgement timeout (an
 * {@value #WITHDRAWN} step, written by the sweep with the withdrawal itself) becomes a supervision record, an
 * {@value #RECORDED} step by {@link Supervision#ACTOR} that says which unit did not accept within how long and whom the
 * work order went to next. Both are read from the history alone, so the n-th withdrawal has one record whoever writes
 * it (the sweep right after its re-dispatch, or the supervision run finishing what a sweep that died left undone).
 */
public final class AckTimeouts {
  /** The history step of a withdrawal for an acknowledgement timeout. */
  static final String WITHDRAWN = "escalated";
  /** The history step of its supervision record. */
  public static final String RECORDED = "ack-timeout";
  /** What the supervision message gives as its cause, beside the deadline escalations' {@value Supervision#DEADLINE}. */
  public static final String CAUSE = "ack-timeout";

  private AckTimeouts() {}

  /**
   * One withdrawal not yet recorded.
   *
   * @param number its place among the work order's withdrawals, from 1: part of the record's event id
   * @param redispatchedTo the unit given the work order after it; null while it waits in the queue
   */
  public record Missed(int number, String unitId, OffsetDateTime at, String redispatchedTo) {}

  /** The withdrawals without a record, oldest first (records are written in order, so they are the last ones). */
  public static List<Missed> unrecorded(Incident incident) {
    List<HistoryEntry> history = incident.history();
    long recorded = history.stream().filter(h -> RECORDED.equals(h.event())).count();
    List<Missed> missed = new ArrayList<>();
    int number = 0;
    for (int i = 0; i < history.size(); i++) {
      HistoryEntry step = history.get(i);
      if (!WITHDRAWN.equals(step.event())) {
        continue;
      }
      number++;
      if (number > recorded) {
        missed.add(new Missed(number, step.unitId(), step.at(), nextUnit(history, i)));
      }
    }
    return missed;
  }

  private static String nextUnit(List<HistoryEntry> history, int withdrawal) {
    for (int i = withdrawal + 1; i < history.size(); i++) {
      if (Incident.ASSIGNED_STEP.equals(history.get(i).event())) {
        return history.get(i).unitId();
      }
    }
    return null;
  }

  public static String eventId(String workOrderId, Missed missed) {
    return workOrderId + "/" + CAUSE + "/" + missed.number();
  }

  /** What happened, for the history and the supervision message (no personal data). */
  public static String reason(Missed missed, Duration ackTimeout) {
    return "unit " + missed.unitId() + " did not accept within " + ackTimeout.toSeconds() + " s: "
        + (missed.redispatchedTo() == null ? "queued, no free unit yet" : "re-dispatched to " + missed.redispatchedTo());
  }
}
