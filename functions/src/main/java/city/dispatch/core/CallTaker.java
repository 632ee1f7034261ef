package city.dispatch.core;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The call-taker's decision on a report that awaits confirmation (an anonymous Open311 report of the most urgent
 * kind): confirmed, it is queued and dispatched at once like any other; rejected, it is closed and no unit is sent.
 * Either decision is idempotent: repeating it answers with the incident as it is now.
 */
public final class CallTaker {
  private static final int RETRIES = 8;

  private final DispatchSettings settings;
  private final IncidentStore incidents;
  private final Dispatcher dispatcher;
  private final Clock clock;

  public CallTaker(DispatchSettings settings, IncidentStore incidents, Dispatcher dispatcher, Clock clock) {
    this.settings = settings;
    this.incidents = incidents;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  public enum Outcome {
    /** This call made the decision. */
    DECIDED,
    /** The same decision was made before: nothing changed. */
    ALREADY,
    /** The incident never awaited confirmation, or the other decision was made: refused. */
    CONFLICT
  }

  public record Decision(Incident incident, Outcome outcome) {}

  /** @param callTaker who decided, from the ops token; kept in the incident's history */
  public Optional<Decision> confirm(String incidentId, String callTaker) {
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      Optional<Incident> found = incidents.find(incidentId);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      Incident current = found.get();
      if (current.status() != IncidentStatus.AWAITING_CONFIRMATION) {
        if (!current.wasConfirmed()) {
          return Optional.of(new Decision(current, Outcome.CONFLICT));
        }
        if (current.status() == IncidentStatus.QUEUED) {
          // the first confirmation may have died before dispatching
          dispatcher.drain(current.kind(), List.of(current));
        }
        return Optional.of(new Decision(incidents.find(incidentId).orElse(current), Outcome.ALREADY));
      }
      Incident confirmed = current.confirmed(callTaker, settings.at(clock.instant()));
      if (incidents.replace(current, confirmed)) {
        dispatcher.drain(confirmed.kind(), List.of(confirmed.atVersion(current.version() + 1)));
        return Optional.of(new Decision(incidents.find(incidentId).orElse(confirmed), Outcome.DECIDED));
      }
    }
    throw new IllegalStateException("incident " + incidentId + " kept changing; retry");
  }

  /** @param reason the call-taker's note (false alarm, duplicate of ...), or null; ops see it, citizens do not */
  public Optional<Decision> reject(String incidentId, String callTaker, String reason) {
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      Optional<Incident> found = incidents.find(incidentId);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      Incident current = found.get();
      if (current.status() != IncidentStatus.AWAITING_CONFIRMATION) {
        return Optional.of(new Decision(current, current.wasRejected() ? Outcome.ALREADY : Outcome.CONFLICT));
      }
      Incident rejected = current.rejected(callTaker, reason, settings.at(clock.instant()));
      if (incidents.replace(current, rejected)) {
        return Optional.of(new Decision(incidents.find(incidentId).orElse(rejected), Outcome.DECIDED));
      }
    }
    throw new IllegalStateException("incident " + incidentId + " kept changing; retry");
  }
}
