package city.dispatch.core;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who gets which unit. Pure: the dispatcher feeds it what the store returned and carries out its choice
 * with conditional writes, so a choice made on stale data fails safely instead of double-assigning.
 */
public final class DispatchPolicy {
  /** Most urgent first (priority 1 before 2), then first come first served, then by id for a total order. */
  public static final Comparator<Incident> QUEUE_ORDER = Comparator.comparingInt(Incident::priority)
      .thenComparing(i -> i.report().reportedAt().toInstant())
      .thenComparing(Incident::incidentId);

  /** Nearer first; equal distances by unit id, so the choice never depends on the order units were read. */
  static final Comparator<Match> NEAREST = Comparator.comparingDouble(Match::distanceKm)
      .thenComparing(m -> m.unit().unitId());

  private DispatchPolicy() {}

  public record Match(Incident incident, UnitState unit, double distanceKm) {}

  /**
   * Whether a citizen report waits for a call-taker before any unit is sent: an anonymous report (nobody signed
   * in) of priority {@code confirmUpToPriority} or more urgent. A false fire call from anyone on the internet
   * would otherwise send a fire engine, and keep one away from a real fire. Signed-in citizens and sensors
   * dispatch at once.
   *
   * @param confirmUpToPriority 1 by default; 0 lets every anonymous report dispatch at once
   */
  public static boolean needsConfirmation(int priority, boolean signedIn, int confirmUpToPriority) {
    return !signedIn && priority <= confirmUpToPriority;
  }

  /**
   * The nearest unit that may take the incident: of its kind, available and holding nothing. Units that
   * already let this incident time out are skipped while another unit could take it; once every unit of
   * the kind has timed out on it, all of them are offered it again rather than leaving it queued forever.
   */
  public static Optional<Match> nearest(Incident incident, Collection<UnitState> units) {
    List<UnitState> free = units.stream()
        .filter(u -> u.kind().equals(incident.kind()) && u.dispatchable())
        .toList();
    Set<String> ofKind = units.stream().filter(u -> u.kind().equals(incident.kind()))
        .map(UnitState::unitId).collect(Collectors.toSet());
    boolean everyUnitTimedOut = incident.timedOutUnits().containsAll(ofKind);
    return free.stream()
        .filter(u -> everyUnitTimedOut || !incident.timedOutUnits().contains(u.unitId()))
        .map(u -> new Match(incident, u, incident.report().position().distanceKm(u.position())))
        .min(NEAREST);
  }

  /**
   * The next assignment to make: the first queued incident, in queue order, that some unit may take, with
   * its nearest such unit. When units are scarce the most urgent incidents are served first; an incident
   * that no free unit may take does not block the ones behind it. A queued incident that a unit already
   * holds is being claimed by another handler (step one of the claim has landed): it is not offered again,
   * or a racing drain would hand it to the second-nearest unit while the nearest one is taking it.
   */
  public static Optional<Match> next(Collection<Incident> queue, Collection<UnitState> units) {
    Set<String> beingClaimed = units.stream().map(UnitState::incidentId).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    return queue.stream()
        .filter(i -> i.status() == IncidentStatus.QUEUED && !beingClaimed.contains(i.incidentId()))
        .sorted(QUEUE_ORDER)
        .map(i -> nearest(i, units))
        .flatMap(Optional::stream)
        .findFirst();
  }
}
