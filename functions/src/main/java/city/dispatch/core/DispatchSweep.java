package city.dispatch.core;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * What runs once a minute besides the event-driven paths: re-sends the cancels withdrawn units have not
 * confirmed, withdraws assignments nobody accepted in time, frees units left by a half-finished claim, and drains
 * every queue (a unit may have become free while no event said so, e.g. after a repair). The re-sends come first,
 * so a cancel sent by this run's withdrawals is not repeated at once.
 */
public final class DispatchSweep {
  private final DispatchSettings settings;
  private final IncidentStore incidents;
  private final Dispatcher dispatcher;
  private final Clock clock;

  public DispatchSweep(DispatchSettings settings, IncidentStore incidents, Dispatcher dispatcher, Clock clock) {
    this.settings = settings;
    this.incidents = incidents;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  public record Result(int cancelsResent, int withdrawn, int freed, int assigned) {}

  public Result run() {
    int cancelsResent = dispatcher.resendCancels();
    OffsetDateTime now = settings.at(clock.instant());
    int withdrawn = 0;
    for (String kind : settings.kinds()) {
      for (Incident incident : incidents.active(IncidentStatus.ASSIGNED, kind)) {
        if (incident.ackOverdue(now, settings.ackTimeout()) && dispatcher.withdrawIfOverdue(incident.incidentId())) {
          withdrawn++;
        }
      }
    }
    int freed = dispatcher.repairHalfClaims();
    int assigned = 0;
    for (String kind : settings.kinds()) {
      assigned += dispatcher.drain(kind);
    }
    return new Result(cancelsResent, withdrawn, freed, assigned);
  }
}
