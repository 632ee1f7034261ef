package city.dispatch.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What makes an incident a 12345 work order: the department it is referred to, its deadlines and how supervision
 * found them, every reporter, the closure and the citizen's rating. It is part of the incident's item, so each step
 * is the incident's one conditional write.
 *
 * @param deadlineFrom when the deadlines started counting: the report, or the latest reopening
 * @param acceptedAt when the department (its unit) accepted it since {@code deadlineFrom}
 * @param escalationLevel 0 none, 1 the department's supervisor (a deadline passed), 2 the command centre (twice the
 *     allowed time passed)
 * @param firstClosedAt the first closure, which the figures count (a reopened work order was still closed late or on
 *     time the first time)
 * @param closedOnTime whether the first closure met the resolve deadline in force then; null until closed
 * @param resolution the department's resolution note of the latest closure, shown to citizens
 * @param joinedRequests the request ids of duplicates that joined, so a retried duplicate is not counted twice
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkOrder(
    Channel channel,
    String department,
    String serviceCode,
    int reportCount,
    OffsetDateTime deadlineFrom,
    OffsetDateTime acceptBy,
    OffsetDateTime resolveBy,
    OffsetDateTime acceptedAt,
    boolean overdue,
    int escalationLevel,
    int reopenCount,
    Integer rating,
    String ratingComment,
    OffsetDateTime firstClosedAt,
    Boolean closedOnTime,
    OffsetDateTime closedAt,
    String resolution,
    List<Reporter> reporters,
    Set<String> joinedRequests) {

  public WorkOrder {
    reporters = List.copyOf(reporters == null ? List.of() : reporters);
    joinedRequests = Set.copyOf(joinedRequests == null ? Set.of() : joinedRequests);
  }

  public static WorkOrder opened(Channel channel, String department, String serviceCode, Deadlines deadlines,
      OffsetDateTime at, List<Reporter> reporters) {
    return new WorkOrder(channel, department, serviceCode, Math.max(1, reporters.size()), at, deadlines.acceptBy(at),
        deadlines.resolveBy(at), null, false, 0, 0, null, null, null, null, null, null, reporters, Set.of());
  }

  /** True when this request already joined (or is the first report): a retry must not count again. */
  public boolean counted(String requestId) {
    return joinedRequests.contains(requestId) || reporters.stream().anyMatch(r -> r.reporterId().equals(requestId));
  }

  WorkOrder joined(Reporter reporter) {
    List<Reporter> all = new ArrayList<>(reporters);
    all.add(reporter);
    Set<String> joined = new TreeSet<>(joinedRequests);
    joined.add(reporter.reporterId());
    return new WorkOrder(channel, department, serviceCode, reportCount + 1, deadlineFrom, acceptBy, resolveBy,
        acceptedAt, overdue, escalationLevel, reopenCount, rating, ratingComment, firstClosedAt, closedOnTime, closedAt,
        resolution, all, joined);
  }

  WorkOrder accepted(OffsetDateTime at) {
    if (acceptedAt != null) {
      return this;
    }
    return new WorkOrder(channel, department, serviceCode, reportCount, deadlineFrom, acceptBy, resolveBy, at, overdue,
        escalationLevel, reopenCount, rating, ratingComment, firstClosedAt, closedOnTime, closedAt, resolution, reporters,
        joinedRequests);
  }

  WorkOrder escalated(int level) {
    return new WorkOrder(channel, department, serviceCode, reportCount, deadlineFrom, acceptBy, resolveBy, acceptedAt,
        true, level, reopenCount, rating, ratingComment, firstClosedAt, closedOnTime, closedAt, resolution, reporters,
        joinedRequests);
  }

  WorkOrder closed(OffsetDateTime at, String note) {
    boolean first = firstClosedAt == null;
    return new WorkOrder(channel, department, serviceCode, reportCount, deadlineFrom, acceptBy, resolveBy,
        acceptedAt == null ? at : acceptedAt, overdue, escalationLevel, reopenCount, rating, ratingComment,
        first ? at : firstClosedAt, first ? !at.isAfter(resolveBy) : closedOnTime, at, note, reporters, joinedRequests);
  }

  WorkOrder rated(int stars, String comment) {
    return new WorkOrder(channel, department, serviceCode, reportCount, deadlineFrom, acceptBy, resolveBy, acceptedAt,
        overdue, escalationLevel, reopenCount, stars, comment, firstClosedAt, closedOnTime, closedAt, resolution,
        reporters, joinedRequests);
  }

  /** Back to open with fresh deadlines from {@code at}; supervision starts over. */
  WorkOrder reopened(Deadlines deadlines, OffsetDateTime at) {
    return new WorkOrder(channel, department, serviceCode, reportCount, at, deadlines.acceptBy(at),
        deadlines.resolveBy(at), null, false, 0, reopenCount + 1, rating, ratingComment, firstClosedAt, closedOnTime,
        null, null, reporters, joinedRequests);
  }

  /** The first closure, in whole minutes from the report. */
  public Duration resolveTime(OffsetDateTime reportedAt) {
    return firstClosedAt == null ? null : Duration.between(reportedAt, firstClosedAt);
  }
}
