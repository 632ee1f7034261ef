package city.dispatch.core;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs once a minute besides the event-driven paths: re-sends the cancels withdrawn units have not
 * confirmed, withdraws assignments nobody accepted in time, frees units left by a half-finished claim, and drains
 * every queue (a unit may have become free while no event said so, e.g. after a repair). The re-sends come first,
 * so a cancel sent by this run's withdrawals is not repeated at once. Each withdrawal becomes a supervision record
 * once the queues are drained, when it is known whom the work order went to next ({@link AckTimeouts}).
 */
public final class DispatchSweep {
  private static final Logger LOG = LoggerFactory.getLogger(DispatchSweep.class);

  private final DispatchSettings settings;
  private final IncidentStore incidents;
  private final Dispatcher dispatcher;
  private final AckTimeoutSupervision ackTimeouts;
  private final Clock clock;

  public DispatchSweep(DispatchSettings settings, IncidentStore incidents, Dispatcher dispatcher,
      AckTimeoutSupervision ackTimeouts, Clock clock) {
    this.settings = settings;
    this.incidents = incidents;
    this.dispatcher = dispatcher;
    this.ackTimeouts = ackTimeouts;
    this.clock = clock;
  }

  /** @param recorded supervision records written for this run's withdrawals */
  public record Result(int cancelsResent, int withdrawn, int freed, int assigned, int recorded) {}

  public Result run() {
    int cancelsResent = dispatcher.resendCancels();
    OffsetDateTime now = settings.at(clock.instant());
    List<String> withdrawn = new ArrayList<>();
    for (String kind : settings.kinds()) {
      for (Incident incident : incidents.active(IncidentStatus.ASSIGNED, kind)) {
        if (incident.ackOverdue(now, settings.ackTimeout()) && dispatcher.withdrawIfOverdue(incident.incidentId())) {
          withdrawn.add(incident.incidentId());
        }
      }
    }
    int freed = dispatcher.repairHalfClaims();
    int assigned = 0;
    for (String kind : settings.kinds()) {
      assigned += dispatcher.drain(kind);
    }
    int recorded = 0;
    for (String incidentId : withdrawn) {
      recorded += record(incidentId);
    }
    return new Result(cancelsResent, withdrawn.size(), freed, assigned, recorded);
  }

  /**
   * A record that fails (its publish, say) does not undo the re-dispatch, nor stop the other records: the supervision
   * run writes it within its period.
   */
  private int record(String incidentId) {
    try {
      return ackTimeouts.record(incidentId);
    } catch (RuntimeException e) {
      LOG.warn("ack-timeout record of {} left to the supervision run: {}", incidentId, e.toString());
      return 0;
    }
  }
}
