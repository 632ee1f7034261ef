package city.dispatch.core;

import city.dispatch.core.DispatchPolicy.Match;
import city.platform.DevicePublisher;
import city.platform.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives queued incidents to free units, and takes them back.
 *
 * <p>Without transactions a claim is two conditional writes, in this order: (1) the unit item takes the
 * incident under a fresh claim id, only if the unit says it is available and holds nothing; (2) the incident
 * takes the unit under the same claim id, only if it is still queued, holds no unit and the claim was not
 * revoked. If (2) fails, (1) is undone conditionally. A unit can only ever be freed once the incident no
 * longer holds that claim (withdrawn, closed, or the claim revoked), so two incidents never share a unit and
 * an incident never has two. A handler that dies between (1) and (2) leaves a unit holding an incident that
 * does not know it: {@link #repairHalfClaims} revokes such a claim on the incident first (so (2) can never
 * complete late) and then frees the unit.
 *
 * <p>A unit an incident is taken back from is owed a cancel until it confirms it (a cancel ack) or shows it
 * works on another incident (an ack of the incident it holds). The debt is written with the release itself, so a
 * cancel whose publish failed, or one that the handler died before sending, is re-sent by the next sweep: a
 * withdrawn crew is always told, and two crews never drive to one incident for long.
 */
public final class Dispatcher {
  /** Longer than any function's timeout: a claim this old whose second step never landed is abandoned. */
  static final Duration CLAIM_GRACE = Duration.ofSeconds(60);
  private static final int OPTIMISTIC_RETRIES = 8;
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final String RESENT = "withdrawn: this incident is no longer yours (repeated until you acknowledge the cancel)";

  private final DispatchSettings settings;
  private final IncidentStore incidents;
  private final UnitStore units;
  private final UnitRoster roster;
  private final DevicePublisher publisher;
  private final Clock clock;

  public Dispatcher(DispatchSettings settings, IncidentStore incidents, UnitStore units, DevicePublisher publisher,
      Clock clock) {
    this.settings = settings;
    this.incidents = incidents;
    this.units = units;
    this.roster = new UnitRoster(units);
    this.publisher = publisher;
    this.clock = clock;
  }

  enum ClaimOutcome { ASSIGNED, UNIT_TAKEN, INCIDENT_TAKEN }

  /** Assigns queued incidents of one kind to free units of that kind until either runs out. */
  public int drain(String kind) {
    return drain(kind, List.of());
  }

  /**
   * As {@link #drain(String)}, also considering {@code justQueued}: incidents created a moment ago that the
   * index of active incidents may not list yet.
   *
   * @return how many incidents this call assigned
   */
  public int drain(String kind, Collection<Incident> justQueued) {
    Map<String, Incident> extra = new LinkedHashMap<>();
    justQueued.stream().filter(i -> i.kind().equals(kind)).forEach(i -> extra.put(i.incidentId(), i));
    Set<String> lost = new HashSet<>();
    List<Unit> fleet = settings.unitsOfKind(kind);
    int assigned = 0;
    int rounds = 3 * fleet.size() + 10;
    for (int round = 0; round < rounds; round++) {
      Map<String, Incident> queue = new LinkedHashMap<>(extra);
      incidents.active(IncidentStatus.QUEUED, kind).forEach(i -> queue.put(i.incidentId(), i));
      queue.keySet().removeAll(lost);
      if (queue.isEmpty()) {
        return assigned;
      }
      Optional<Match> match = DispatchPolicy.next(queue.values(), roster.states(fleet));
      if (match.isEmpty()) {
        return assigned;
      }
      String incidentId = match.get().incident().incidentId();
      switch (claim(match.get())) {
        case ASSIGNED -> {
          assigned++;
          extra.remove(incidentId);
        }
        case INCIDENT_TAKEN -> {
          // assigned elsewhere, or the index lags behind: either way not ours to retry in this call
          lost.add(incidentId);
          extra.remove(incidentId);
        }
        case UNIT_TAKEN -> {
          // another handler got the unit first: read again and choose again
        }
      }
    }
    LOG.warn("drain of {} stopped after {} rounds under contention; the sweep continues", kind, rounds);
    return assigned;
  }

  /** The two-step claim described on the class. */
  ClaimOutcome claim(Match match) {
    String unitId = match.unit().unitId();
    String incidentId = match.incident().incidentId();
    String claimId = UUID.randomUUID().toString();
    OffsetDateTime at = now();
    if (!units.claim(unitId, incidentId, claimId, at) && !unitHolds(unitId, incidentId, claimId)) {
      return ClaimOutcome.UNIT_TAKEN;
    }
    for (int attempt = 0; attempt < OPTIMISTIC_RETRIES; attempt++) {
      Optional<Incident> current = incidents.find(incidentId);
      if (current.isPresent() && current.get().heldBy(unitId, claimId)) {
        // our own write of step 2 landed and only its answer was lost (a retried attempt was then refused)
        send(unitId, DispatchOrder.assign(current.get(), settings.ackTimeout().toSeconds()));
        LOG.info("incident {} assigned to unit {}", incidentId, unitId);
        return ClaimOutcome.ASSIGNED;
      }
      if (current.isEmpty() || !current.get().canTake(claimId)) {
        break;
      }
      Incident next = current.get().assigned(unitId, claimId, match.distanceKm(), at);
      if (incidents.replace(current.get(), next)) {
        send(unitId, DispatchOrder.assign(next, settings.ackTimeout().toSeconds()));
        LOG.info("incident {} assigned to unit {}", incidentId, unitId);
        return ClaimOutcome.ASSIGNED;
      }
    }
    units.release(unitId, incidentId, claimId, Optional.empty());
    return ClaimOutcome.INCIDENT_TAKEN;
  }

  /**
   * The command centre's choice of unit for one incident, after {@link #assignChosen}.
   *
   * @param refusal why the unit was not sent (null when it was); the incident as it was found then
   */
  public record Choice(Incident incident, String refusal) {
    public boolean sent() {
      return refusal == null;
    }
  }

  /**
   * Sends {@code unitId} to a queued incident, or to an assigned one instead of the unit that has not accepted it
   * yet (that unit gets a cancel and is free again). The same two steps as the policy's claim, so a racing drain or
   * a second dispatcher cannot give one unit two incidents or one incident two units; the incident moves from one
   * unit to the other in one conditional write, never through the queue. A retry of a choice that was carried out
   * finds the unit holding the incident and answers the same.
   */
  public Choice assignChosen(String incidentId, String unitId, String actor) {
    Unit unit = settings.unit(unitId).orElseThrow(() -> new InvalidInput("unit " + unitId + " is not in the city file"));
    for (int attempt = 0; attempt < OPTIMISTIC_RETRIES; attempt++) {
      Optional<Incident> found = incidents.find(incidentId);
      if (found.isEmpty()) {
        return new Choice(null, "no incident " + incidentId);
      }
      Incident current = found.get();
      if (current.status().held() && current.assignedTo(unitId)) {
        return new Choice(current, null);
      }
      Optional<String> refusal = refusal(current, unit);
      if (refusal.isPresent()) {
        return new Choice(current, refusal.get());
      }
      UnitState state = roster.states(List.of(unit)).get(0);
      if (!state.dispatchable()) {
        return new Choice(current, "unit " + unitId + " is " + state.effectiveStatus().wireName()
            + (state.incidentId() == null ? "" : " on " + state.incidentId()) + ": only an available unit can be sent");
      }
      String claimId = UUID.randomUUID().toString();
      OffsetDateTime at = now();
      if (!units.claim(unitId, incidentId, claimId, at) && !unitHolds(unitId, incidentId, claimId)) {
        continue; // the unit was taken a moment ago: read both again
      }
      double distanceKm = current.report().position().distanceKm(state.position());
      Incident next = current.reassigned(unitId, claimId, distanceKm, at, actor);
      boolean replaced = incidents.replace(current, next)
          || incidents.find(incidentId).map(i -> i.heldBy(unitId, claimId)).orElse(false);
      if (!replaced) {
        units.release(unitId, incidentId, claimId, Optional.empty());
        continue;
      }
      Assignment previous = current.assignment();
      if (previous != null && units.releaseWithdrawn(previous.unitId(), incidentId, previous.claimId(), Optional.empty())) {
        send(previous.unitId(), DispatchOrder.cancel(incidentId, "reassigned by the command centre"));
      }
      Incident stored = next.atVersion(current.version() + 1);
      send(unitId, DispatchOrder.assign(stored, settings.ackTimeout().toSeconds()));
      LOG.info("incident {} assigned to unit {} by the command centre", incidentId, unitId);
      return new Choice(stored, null);
    }
    return new Choice(incidents.find(incidentId).orElse(null),
        "incident " + incidentId + " or unit " + unitId + " kept changing; try again");
  }

  private static Optional<String> refusal(Incident incident, Unit unit) {
    if (!incident.status().active()) {
      return Optional.of("incident " + incident.incidentId() + " is closed");
    }
    if (!incident.reassignable()) {
      return Optional.of("incident " + incident.incidentId() + " is " + incident.status().wireName()
          + (incident.status().held() ? " by unit " + incident.assignment().unitId() + ", whose crew has accepted it" : "")
          + ": only a queued incident, or one whose unit has not accepted yet, can be given to another unit");
    }
    if (!unit.kind().equals(incident.kind())) {
      return Optional.of("unit " + unit.unitId() + " is a " + unit.kind() + " unit; incident " + incident.incidentId()
          + " needs a " + incident.kind() + " unit");
    }
    return Optional.empty();
  }

  /**
   * A refused step 1 may still be this claim's own write: the SDK retries an attempt whose answer was lost (a 500,
   * a timeout), and the retry meets the unit already holding the incident under this very claim id.
   */
  private boolean unitHolds(String unitId, String incidentId, String claimId) {
    UnitState unit = units.find(List.of(unitId)).get(unitId);
    return unit != null && incidentId.equals(unit.incidentId()) && claimId.equals(unit.claimId());
  }

  /**
   * Takes an overdue assignment back: the incident returns to the queue, the unit gets a cancel and counts as
   * offline until it reports again (it did not answer), and the incident goes to the next nearest unit.
   *
   * @return true when this call withdrew it
   */
  public boolean withdrawIfOverdue(String incidentId) {
    for (int attempt = 0; attempt < OPTIMISTIC_RETRIES; attempt++) {
      OffsetDateTime now = now();
      Optional<Incident> current = incidents.find(incidentId);
      if (current.isEmpty() || !current.get().ackOverdue(now, settings.ackTimeout())) {
        return false;
      }
      Assignment withdrawn = current.get().assignment();
      if (incidents.replace(current.get(), current.get().withdrawn(settings.ackTimeout(), now))) {
        units.releaseWithdrawn(withdrawn.unitId(), incidentId, withdrawn.claimId(), Optional.of(UnitStatus.OFFLINE));
        send(withdrawn.unitId(), DispatchOrder.cancel(incidentId,
            "no accept within " + settings.ackTimeout().toSeconds() + " s"));
        LOG.info("incident {} withdrawn from unit {}: no accept in time", incidentId, withdrawn.unitId());
        return true;
      }
    }
    return false;
  }

  /** A closed incident lets its unit go, which then takes the next queued incident of its kind. */
  public void closed(Incident incident) {
    Assignment assignment = incident.assignment();
    units.release(assignment.unitId(), incident.incidentId(), assignment.claimId(), Optional.empty());
    drain(incident.kind());
  }

  /**
   * The city system closed its own incident: a unit on it is told to drop it (owed the cancel until it confirms, as
   * after a withdrawal) and freed for the next queued incident of its kind.
   */
  public void cleared(Incident incident, String reason) {
    Assignment assignment = incident.assignment();
    if (assignment != null && units.releaseWithdrawn(assignment.unitId(), incident.incidentId(), assignment.claimId(),
        Optional.empty())) {
      send(assignment.unitId(), DispatchOrder.cancel(incident.incidentId(), reason));
      drain(incident.kind());
    }
  }

  /**
   * A unit's status message; one that says available may take a queued incident at once. It drains even when the
   * status write was refused: the refusal may be this very message's write whose answer was lost (the SDK's retry
   * then meets it), or a redelivery after an attempt that died before draining. Draining again is safe: it only
   * gives queued incidents to units that are free now.
   */
  public void unitReported(UnitStatusReport report, OffsetDateTime receivedAt) {
    units.applyStatus(report, receivedAt);
    if (report.status() == UnitStatus.AVAILABLE) {
      drain(report.kind());
    }
  }

  /**
   * Frees units whose claim never completed (see the class comment): the claim is revoked on the incident
   * before the unit is freed, so a late second step cannot take the freed unit. The unit is told to drop the
   * incident unless it finished it itself: a handler may have died after its order went out (a withdrawal
   * that never freed the unit), so it may be on its way.
   *
   * @return how many units were freed
   */
  public int repairHalfClaims() {
    OffsetDateTime now = now();
    int freed = 0;
    for (UnitState unit : roster.states(settings.units())) {
      if (unit.incidentId() == null || unit.claimedAt().plus(CLAIM_GRACE).isAfter(now)) {
        continue;
      }
      switch (repair(unit, now)) {
        case KEEP -> {
          continue;
        }
        case FREE -> units.release(unit.unitId(), unit.incidentId(), unit.claimId(), Optional.empty());
        case WITHDRAW -> {
          if (units.releaseWithdrawn(unit.unitId(), unit.incidentId(), unit.claimId(), Optional.empty())) {
            send(unit.unitId(), DispatchOrder.cancel(unit.incidentId(), "the claim on this incident was not completed"));
          }
        }
      }
      LOG.warn("unit {} freed from an unfinished claim on incident {}", unit.unitId(), unit.incidentId());
      freed++;
    }
    return freed;
  }

  /**
   * Re-sends every cancel a unit is still owed (see the class comment). Sending one again is harmless: a unit
   * drops an incident it does not work on.
   *
   * @return how many cancels were sent
   */
  public int resendCancels() {
    int sent = 0;
    for (UnitState unit : roster.states(settings.units())) {
      for (String incidentId : unit.cancelsOwed()) {
        send(unit.unitId(), DispatchOrder.cancel(incidentId, RESENT));
        sent++;
      }
    }
    return sent;
  }

  /**
   * An ack from a unit that does not hold the incident: it believes it works on it (a late accept after a
   * withdrawal, or a cancel it never got). It is told again, and owed the cancel until it confirms.
   */
  public void strayAck(String unitId, String incidentId) {
    if (settings.unit(unitId).isPresent() && units.oweCancel(unitId, incidentId)) {
      send(unitId, DispatchOrder.cancel(incidentId, "this incident is not assigned to you"));
    }
  }

  /** An ack of the incident the unit holds: it has left every incident it was withdrawn from. */
  public void workingOn(String unitId) {
    UnitState unit = units.find(List.of(unitId)).get(unitId);
    if (unit != null && !unit.pendingCancels().isEmpty()) {
      units.clearCancels(unitId, unit.pendingCancels());
    }
  }

  /** @return true when the unit was owed this cancel: its confirmation is news */
  public boolean owesCancel(String unitId, String incidentId) {
    UnitState unit = units.find(List.of(unitId)).get(unitId);
    return unit != null && unit.cancelsOwed().contains(incidentId);
  }

  /** The unit confirmed the cancel: it is not sent again. */
  public void cancelConfirmed(String unitId, String incidentId) {
    units.clearCancels(unitId, Set.of(incidentId));
  }

  private enum Repair {
    /** The incident holds the claim: nothing to repair. */
    KEEP,
    /** The unit finished the incident itself and was not let go: free it. */
    FREE,
    /** The incident can never take the claim, or went to another unit: free the unit and tell it. */
    WITHDRAW
  }

  private Repair repair(UnitState unit, OffsetDateTime now) {
    for (int attempt = 0; attempt < OPTIMISTIC_RETRIES; attempt++) {
      Optional<Incident> incident = incidents.find(unit.incidentId());
      if (incident.isEmpty()) {
        return Repair.WITHDRAW;
      }
      Incident current = incident.get();
      Assignment assignment = current.assignment();
      boolean itsClaim = assignment != null && assignment.unitId().equals(unit.unitId())
          && assignment.claimId().equals(unit.claimId());
      if (!current.status().active()) {
        return itsClaim ? Repair.FREE : Repair.WITHDRAW;
      }
      if (current.heldBy(unit.unitId(), unit.claimId())) {
        return Repair.KEEP;
      }
      if (current.revokedClaims().contains(unit.claimId())
          || incidents.replace(current, current.revoked(unit.unitId(), unit.claimId(), now))) {
        return Repair.WITHDRAW;
      }
    }
    return Repair.KEEP;
  }

  /**
   * A failed publish is logged, not retried: the assignment stands, and an order that never arrived ends in
   * the acknowledgement timeout, which escalates to the next unit.
   */
  private void send(String unitId, DispatchOrder order) {
    try {
      publisher.publish(DispatchOrder.topic(unitId), order);
    } catch (RuntimeException e) {
      LOG.warn("{} of incident {} to unit {} not delivered: {}", order.action(), order.incidentId(), unitId, e.toString());
    }
  }

  private OffsetDateTime now() {
    return settings.at(clock.instant());
  }
}
