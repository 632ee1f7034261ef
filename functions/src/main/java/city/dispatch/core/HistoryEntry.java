package city.dispatch.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * One step of an incident's audit trail. Never carries a reporter's personal data.
 *
 * @param event what happened: reported, merged, priority-raised, assigned, accepted, accept-implied, arrived,
 *     resolved, escalated, claim-revoked, ack-ignored, cancel-confirmed, awaiting-confirmation, confirmed, rejected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntry(OffsetDateTime at, String event, String unitId, String detail) {
  public static HistoryEntry of(OffsetDateTime at, String event, String detail) {
    return new HistoryEntry(at, event, null, detail);
  }
}
