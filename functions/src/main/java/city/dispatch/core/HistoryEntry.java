package city.dispatch.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * One step of an incident's audit trail. Never carries a reporter's personal data.
 *
 * @param event what happened: reported, merged, priority-raised, assigned, accepted, accept-implied, arrived,
 *     resolved, escalated, claim-revoked, ack-ignored, cancel-confirmed, awaiting-confirmation, confirmed, rejected;
 *     for work orders also duplicate-joined, overdue (with the level), resolved-by-department, rated, reopened,
 *     contact-read; reassigned (a unit the command centre chose)
 * @param actor who made the step: a unit, a call-taker or department officer (the ops token's subject), a citizen
 *     ("citizen"), or the platform itself ("dispatch", "supervision")
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntry(OffsetDateTime at, String event, String unitId, String detail, String actor) {
  public static final String PLATFORM = "dispatch";

  /** A step by a unit, or by the platform when {@code unitId} is null. */
  public HistoryEntry(OffsetDateTime at, String event, String unitId, String detail) {
    this(at, event, unitId, detail, unitId == null ? PLATFORM : unitId);
  }

  public static HistoryEntry of(OffsetDateTime at, String event, String detail) {
    return new HistoryEntry(at, event, null, detail);
  }

  public static HistoryEntry by(String actor, OffsetDateTime at, String event, String detail) {
    return new HistoryEntry(at, event, null, detail, actor);
  }
}
