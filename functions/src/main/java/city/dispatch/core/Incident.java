package city.dispatch.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An incident and its whole audit trail. Every change is a pure transition from one version to the next;
 * the store writes the next version only if the stored one is still {@code version} (optimistic locking),
 * so concurrent handlers never lose each other's steps.
 *
 * @param severity the highest severity merged so far; null for citizen requests
 * @param assignment the unit holding the incident; after closing, the unit that resolved it
 * @param alerts merged sensor alerts; null for citizen requests
 * @param timedOutUnits units that let an assignment of this incident time out: offered it again only once
 *     every unit of the kind has
 * @param revokedClaims claims the sweep cancelled because the claiming handler stopped half-way; such a
 *     claim can never complete
 * @param ignoredAcks unit:action pairs already recorded as ignored, so a repeated stray ack adds nothing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Incident(
    String incidentId,
    long version,
    Report report,
    Severity severity,
    int priority,
    IncidentStatus status,
    Assignment assignment,
    Milestones milestones,
    AlertTally alerts,
    Set<String> timedOutUnits,
    Set<String> revokedClaims,
    Set<String> ignoredAcks,
    int escalations,
    List<HistoryEntry> history,
    WorkOrder workOrder) {

  static final String CANCEL_CONFIRMED = "cancel-confirmed";
  static final String AWAITING_CONFIRMATION = "awaiting-confirmation";
  static final String CONFIRMED = "confirmed";
  static final String REJECTED = "rejected";
  static final String CLEARED = "cleared";
  static final String ASSIGNED_STEP = "assigned";

  public Incident {
    timedOutUnits = Set.copyOf(timedOutUnits == null ? Set.of() : timedOutUnits);
    revokedClaims = Set.copyOf(revokedClaims == null ? Set.of() : revokedClaims);
    ignoredAcks = Set.copyOf(ignoredAcks == null ? Set.of() : ignoredAcks);
    history = List.copyOf(history == null ? List.of() : history);
    milestones = milestones == null ? Milestones.NONE : milestones;
  }

  /** A new incident, waiting for a unit; its first step is the platform's. */
  public static Incident reported(String incidentId, Report report, Severity severity, int priority, AlertTally alerts) {
    return reported(HistoryEntry.PLATFORM, incidentId, report, severity, priority, alerts);
  }

  /** @param actor who reported it for the history: the platform, or the call-taker who took the call */
  public static Incident reported(String actor, String incidentId, Report report, Severity severity, int priority,
      AlertTally alerts) {
    String detail = switch (report.source()) {
      case SENSOR -> "alert " + report.category() + (severity == null ? "" : " " + severity.wireName()) + " from sensor "
          + report.origin();
      case OPEN311, PHONE -> "citizen request " + report.origin()
          + (report.positionEstimated() ? " (address only: position estimated)" : "");
      case SYSTEM -> report.category() + " for " + report.systemSource();
    };
    return new Incident(incidentId, 0, report, severity, priority, IncidentStatus.QUEUED, null, Milestones.NONE,
        alerts, Set.of(), Set.of(), Set.of(), 0,
        List.of(HistoryEntry.by(actor, report.reportedAt(), "reported", detail + ", priority " + priority)), null);
  }

  /**
   * A new incident that no unit is sent to until a call-taker confirms it (an anonymous report of the most
   * urgent kind: {@link DispatchPolicy#needsConfirmation}).
   */
  public Incident awaitingConfirmation(OffsetDateTime at) {
    return new Incident(incidentId, version, report, severity, priority, IncidentStatus.AWAITING_CONFIRMATION,
        assignment, milestones, alerts, timedOutUnits, revokedClaims, ignoredAcks, escalations,
        append(List.of(HistoryEntry.of(at, AWAITING_CONFIRMATION, "anonymous report of priority " + priority
            + ": a call-taker confirms it before a unit is sent"))), workOrder);
  }

  /** The call-taker confirmed the report: it is queued for a unit like any other. */
  public Incident confirmed(String callTaker, OffsetDateTime at) {
    requireAwaitingConfirmation();
    return new Incident(incidentId, version, report, severity, priority, IncidentStatus.QUEUED, assignment,
        milestones, alerts, timedOutUnits, revokedClaims, ignoredAcks, escalations,
        append(List.of(HistoryEntry.by(callTaker, at, CONFIRMED, "by " + callTaker))), workOrder);
  }

  /** The call-taker found the report false or a duplicate: closed, no unit sent. */
  public Incident rejected(String callTaker, String reason, OffsetDateTime at) {
    requireAwaitingConfirmation();
    return new Incident(incidentId, version, report, severity, priority, IncidentStatus.CLOSED, assignment,
        milestones.closed(at), alerts, timedOutUnits, revokedClaims, ignoredAcks, escalations,
        append(List.of(HistoryEntry.by(callTaker, at, REJECTED, "by " + callTaker + (reason == null ? "" : ": " + reason)))), workOrder);
  }

  /**
   * The city system that opened it says it is over (a silent device spoke again): closed, whoever held it. Only a
   * system incident ends so; an ended one changes no more.
   */
  public Optional<Incident> clearedBySystem(String reason, OffsetDateTime at) {
    if (report.source() != IncidentSource.SYSTEM || !status.active()) {
      return Optional.empty();
    }
    return Optional.of(new Incident(incidentId, version, report, severity, priority, IncidentStatus.CLOSED, assignment,
        milestones.closed(at), alerts, timedOutUnits, revokedClaims, ignoredAcks, escalations,
        append(List.of(HistoryEntry.of(at, CLEARED, reason))), workOrder == null ? null : workOrder.closed(at, reason)));
  }

  /** True when the city system closed it ({@link #clearedBySystem}). */
  public boolean wasCleared() {
    return history.stream().anyMatch(h -> CLEARED.equals(h.event()));
  }

  /** True once a call-taker confirmed it, whatever happened since. */
  public boolean wasConfirmed() {
    return history.stream().anyMatch(h -> CONFIRMED.equals(h.event()));
  }

  /** True when a call-taker rejected it. */
  public boolean wasRejected() {
    return history.stream().anyMatch(h -> REJECTED.equals(h.event()));
  }

  private void requireAwaitingConfirmation() {
    if (status != IncidentStatus.AWAITING_CONFIRMATION) {
      throw new IllegalStateException("incident " + incidentId + " does not await confirmation: " + status.wireName());
    }
  }

  /** The same incident as stored under another version; only the store assigns versions. */
  public Incident atVersion(long storedVersion) {
    return new Incident(incidentId, storedVersion, report, severity, priority, status, assignment, milestones, alerts,
        timedOutUnits, revokedClaims, ignoredAcks, escalations, history, workOrder);
  }

  public String kind() {
    return report.kind();
  }

  public Optional<String> unitId() {
    return Optional.ofNullable(assignment).map(Assignment::unitId);
  }

  /** True while {@code unitId} works on this incident under exactly this claim. */
  public boolean heldBy(String unitId, String claimId) {
    return status.held() && assignment != null && assignment.unitId().equals(unitId)
        && assignment.claimId().equals(claimId);
  }

  /** True when {@code unitId} was given the incident and it was not taken back (after closing: the unit that resolved it). */
  public boolean assignedTo(String unitId) {
    return status != IncidentStatus.QUEUED && assignment != null && assignment.unitId().equals(unitId);
  }

  /** The second step of a claim may complete: nobody holds the incident and the claim was not revoked. */
  public boolean canTake(String claimId) {
    return status == IncidentStatus.QUEUED && assignment == null && !revokedClaims.contains(claimId);
  }

  public boolean ackOverdue(OffsetDateTime now, Duration ackTimeout) {
    return status == IncidentStatus.ASSIGNED && !assignment.assignedAt().plus(ackTimeout).isAfter(now);
  }

  /**
   * A repeat alert of the same sensor: counted, and it may raise severity and priority. Not newer than the
   * last merged alert (a redelivery, or overtaken by a later one) or the incident is closed: no change.
   */
  public Optional<Incident> mergeAlert(Severity alertSeverity, int alertPriority, OffsetDateTime alertTs, OffsetDateTime at) {
    if (!status.active() || alerts == null || !alertTs.isAfter(alerts.lastAlertAt())) {
      return Optional.empty();
    }
    Severity raised = severity == null ? alertSeverity : severity.max(alertSeverity);
    int newPriority = Math.min(priority, alertPriority);
    List<HistoryEntry> added = new ArrayList<>();
    if (newPriority < priority || raised != severity) {
      added.add(HistoryEntry.of(at, "priority-raised", "repeat alert " + alertSeverity.wireName()
          + ": priority " + priority + " -> " + newPriority));
    }
    return Optional.of(new Incident(incidentId, version, report, raised, newPriority, status, assignment, milestones,
        new AlertTally(alerts.count() + 1, alertTs), timedOutUnits, revokedClaims, ignoredAcks, escalations,
        append(added), workOrder));
  }

  /** Second step of a claim; the caller checked {@link #canTake}. */
  public Incident assigned(String unitId, String claimId, double distanceKm, OffsetDateTime at) {
    String detail = String.format("%.2f km away%s", distanceKm, escalations > 0 ? ", escalation " + escalations : "");
    return new Incident(incidentId, version, report, severity, priority, IncidentStatus.ASSIGNED,
        new Assignment(unitId, claimId, at, distanceKm), milestones.dispatched(at), alerts, timedOutUnits,
        revokedClaims, ignoredAcks, escalations,
        append(List.of(new HistoryEntry(at, ASSIGNED_STEP, unitId, detail))), workOrder);
  }

  /**
   * The command centre sends the unit it chose instead of the one the policy chose (or instead of waiting in the
   * queue): the second step of that claim; the caller checked {@link #reassignable}. The first dispatch time stays
   * the incident's, so response times still count from it.
   */
  public Incident reassigned(String unitId, String claimId, double distanceKm, OffsetDateTime at, String actor) {
    String detail = String.format("%.2f km away, chosen by the command centre%s", distanceKm,
        assignment == null ? "" : " instead of " + assignment.unitId());
    return new Incident(incidentId, version, report, severity, priority, IncidentStatus.ASSIGNED,
        new Assignment(unitId, claimId, at, distanceKm), milestones.dispatched(at), alerts, timedOutUnits,
        revokedClaims, ignoredAcks, escalations,
        append(List.of(new HistoryEntry(at, "reassigned", unitId, detail, actor))), workOrder);
  }

  /** A unit the command centre chooses may take it over: queued, or assigned to a crew that has not accepted yet. */
  public boolean reassignable() {
    return status == IncidentStatus.QUEUED || status == IncidentStatus.ASSIGNED;
  }

  /** No accept within the timeout: back to the queue, and that unit is not offered it again this round. */
  public Incident withdrawn(Duration ackTimeout, OffsetDateTime at) {
    String unitId = assignment.unitId();
    Set<String> timedOut = new TreeSet<>(timedOutUnits);
    timedOut.add(unitId);
    return new Incident(incidentId, version, report, severity, priority, IncidentStatus.QUEUED, null, milestones,
        alerts, timedOut, revokedClaims, ignoredAcks, escalations + 1,
        append(List.of(new HistoryEntry(at, AckTimeouts.WITHDRAWN, unitId,
            "no accept within " + ackTimeout.toSeconds() + " s: withdrawn, cancel sent"))), workOrder);
  }

  /** The supervision record of an emergency's dispatch nobody accepted ({@link AckTimeouts}). */
  public Incident ackTimeoutRecorded(String reason, OffsetDateTime at) {
    return new Incident(incidentId, version, report, severity, priority, status, assignment, milestones, alerts,
        timedOutUnits, revokedClaims, ignoredAcks, escalations,
        append(List.of(HistoryEntry.by(Supervision.ACTOR, at, AckTimeouts.RECORDED, reason))), workOrder);
  }

  /** The sweep found a claim the claiming handler never completed; this incident will never take it. */
  public Incident revoked(String unitId, String claimId, OffsetDateTime at) {
    Set<String> revoked = new TreeSet<>(revokedClaims);
    revoked.add(claimId);
    return new Incident(incidentId, version, report, severity, priority, status, assignment, milestones, alerts,
        timedOutUnits, revoked, ignoredAcks, escalations,
        append(List.of(new HistoryEntry(at, "claim-revoked", unitId, "half-finished claim released by the sweep"))), workOrder);
  }

  /**
   * A unit's acknowledgement. Acks only move forward: a duplicate or one overtaken by a later ack changes
   * nothing, and a later one implies the earlier ones (arrive or resolve before accept implies accept). An
   * ack from a unit that does not hold the incident (withdrawn, or never assigned) is ignored and recorded
   * once: it is not malformed, just late.
   */
  public Optional<Incident> acknowledged(String unitId, AckAction action, OffsetDateTime at) {
    if (!assignedTo(unitId)) {
      String key = unitId + ":" + action.wireName();
      if (ignoredAcks.contains(key)) {
        return Optional.empty();
      }
      Set<String> ignored = new TreeSet<>(ignoredAcks);
      ignored.add(key);
      return Optional.of(new Incident(incidentId, version, report, severity, priority, status, assignment, milestones,
          alerts, timedOutUnits, revokedClaims, ignored, escalations,
          append(List.of(new HistoryEntry(at, "ack-ignored", unitId, action.wireName() + " from a unit that does not hold the incident"))), workOrder));
    }
    if (action.reaches().ordinal() <= status.ordinal()) {
      return Optional.empty();
    }
    List<HistoryEntry> added = new ArrayList<>();
    Milestones reached = milestones;
    if (reached.acceptedAt() == null) {
      reached = reached.accepted(at);
      added.add(new HistoryEntry(at, action == AckAction.ACCEPT ? "accepted" : "accept-implied", unitId,
          action == AckAction.ACCEPT ? null : "by " + action.wireName()));
    }
    if (action == AckAction.ARRIVE) {
      reached = reached.arrived(at);
      added.add(new HistoryEntry(at, "arrived", unitId, null));
    } else if (action == AckAction.RESOLVE) {
      reached = reached.closed(at);
      added.add(new HistoryEntry(at, "resolved", unitId, null));
    }
    WorkOrder order = workOrder == null ? null
        : action == AckAction.RESOLVE ? workOrder.accepted(at).closed(at, null) : workOrder.accepted(at);
    return Optional.of(new Incident(incidentId, version, report, severity, priority, action.reaches(), assignment,
        reached, alerts, timedOutUnits, revokedClaims, ignoredAcks, escalations, append(added), order));
  }

  /** The new incident as a work order; given once, before it is first stored. */
  public Incident asWorkOrder(WorkOrder order) {
    return new Incident(incidentId, version, report, severity, priority, status, assignment, milestones, alerts,
        timedOutUnits, revokedClaims, ignoredAcks, escalations, history, order);
  }

  /**
   * A report of the same service nearby joins this open work order. Nothing new when this request was counted
   * already (a retried POST), or when it is no longer open.
   */
  public Optional<Incident> joined(Reporter reporter) {
    return joined(reporter, reporter.channel().wireName());
  }

  /** @param actor who the step names: the call-taker who took the call, or the report's channel */
  public Optional<Incident> joined(Reporter reporter, String actor) {
    if (workOrder == null || !status.active() || workOrder.counted(reporter.reporterId())) {
      return Optional.empty();
    }
    WorkOrder order = workOrder.joined(reporter);
    return Optional.of(new Incident(incidentId, version, report, severity, priority, status, assignment, milestones,
        alerts, timedOutUnits, revokedClaims, ignoredAcks, escalations,
        append(List.of(HistoryEntry.by(actor, reporter.at(), "duplicate-joined",
            "report " + order.reportCount() + " of the same " + workOrder.serviceCode() + " by " + reporter.channel().wireName()))),
        order));
  }

  /** Supervision found a deadline passed unmet: overdue, escalated to {@code level}; the caller checked it is new. */
  public Incident escalatedTo(int level, String detail, OffsetDateTime at) {
    return new Incident(incidentId, version, report, severity, priority, status, assignment, milestones, alerts,
        timedOutUnits, revokedClaims, ignoredAcks, escalations,
        append(List.of(HistoryEntry.by(Supervision.ACTOR, at, "overdue", "level " + level + ": " + detail))),
        workOrder.escalated(level));
  }

  /** The department closes it with its resolution note (the unit that held it, if any, stays named). */
  public Incident resolvedByDepartment(String officer, String note, OffsetDateTime at) {
    return new Incident(incidentId, version, report, severity, priority, IncidentStatus.CLOSED, assignment,
        milestones.closed(at), alerts, timedOutUnits, revokedClaims, ignoredAcks, escalations,
        append(List.of(HistoryEntry.by(officer, at, "resolved-by-department", note))), workOrder.closed(at, note));
  }

  /** A call-taker read the reporters' contacts (for a phone follow-up): who and when is kept, never what. */
  public Incident contactRead(String officer, int contacts, OffsetDateTime at) {
    return new Incident(incidentId, version, report, severity, priority, status, assignment, milestones, alerts,
        timedOutUnits, revokedClaims, ignoredAcks, escalations,
        append(List.of(HistoryEntry.by(officer, at, "contact-read", contacts + " reporter contact(s) read"))), workOrder);
  }

  /** The citizen's rating of the closed work order (once: the caller checked it is not rated yet). */
  public Incident rated(String actor, int stars, String comment, OffsetDateTime at) {
    return new Incident(incidentId, version, report, severity, priority, status, assignment, milestones, alerts,
        timedOutUnits, revokedClaims, ignoredAcks, escalations,
        append(List.of(HistoryEntry.by(actor, at, "rated", stars + " of 5"))), workOrder.rated(stars, comment));
  }

  /** The citizen is not satisfied: open again, queued for a unit, with fresh deadlines from now. */
  public Incident reopened(String actor, Deadlines deadlines, OffsetDateTime at) {
    return new Incident(incidentId, version, report, severity, priority, IncidentStatus.QUEUED, null, Milestones.NONE,
        alerts, Set.of(), revokedClaims, Set.of(), escalations,
        append(List.of(HistoryEntry.by(actor, at, "reopened", "reopen " + (workOrder.reopenCount() + 1)))),
        workOrder.reopened(deadlines, at));
  }

  /**
   * A unit this incident was taken back from confirms it dropped it. Recorded once per withdrawal: nothing new
   * when the latest step naming the unit is already its confirmation.
   */
  public Optional<Incident> cancelConfirmed(String unitId, OffsetDateTime at) {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (unitId.equals(history.get(i).unitId())) {
        if (CANCEL_CONFIRMED.equals(history.get(i).event())) {
          return Optional.empty();
        }
        break;
      }
    }
    return Optional.of(new Incident(incidentId, version, report, severity, priority, status, assignment, milestones,
        alerts, timedOutUnits, revokedClaims, ignoredAcks, escalations,
        append(List.of(new HistoryEntry(at, CANCEL_CONFIRMED, unitId, "the withdrawn unit confirmed the cancel"))), workOrder));
  }

  private List<HistoryEntry> append(List<HistoryEntry> added) {
    List<HistoryEntry> all = new ArrayList<>(history);
    all.addAll(added);
    return all;
  }
}
