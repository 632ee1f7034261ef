package city.dispatch.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * The response-time milestones, each set once. {@code dispatchedAt} is the first dispatch, so that
 * report->dispatch->accept->arrive add up to report->arrive even when the incident escalated.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Milestones(OffsetDateTime dispatchedAt, OffsetDateTime acceptedAt, OffsetDateTime arrivedAt,
    OffsetDateTime closedAt) {
  public static final Milestones NONE = new Milestones(null, null, null, null);

  Milestones dispatched(OffsetDateTime at) {
    return dispatchedAt == null ? new Milestones(at, acceptedAt, arrivedAt, closedAt) : this;
  }

  Milestones accepted(OffsetDateTime at) {
    return acceptedAt == null ? new Milestones(dispatchedAt, at, arrivedAt, closedAt) : this;
  }

  Milestones arrived(OffsetDateTime at) {
    return arrivedAt == null ? new Milestones(dispatchedAt, acceptedAt, at, closedAt) : this;
  }

  Milestones closed(OffsetDateTime at) {
    return closedAt == null ? new Milestones(dispatchedAt, acceptedAt, arrivedAt, at) : this;
  }
}
