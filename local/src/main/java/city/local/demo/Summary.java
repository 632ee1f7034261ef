package city.local.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a demo run did and what the twin made of it: the twin's figures are read over its HTTP API (ops
 * routes), the devices' side is counted by the simulation.
 */
public record Summary(RunFigures run, ParkingFigures parking, DispatchFigures dispatch, BikeshareFigures bikeshare,
    DeadLetterFigures deadLetters) {

  /**
   * @param messagesSent MQTT publishes by the simulated devices, repeats and malformed ones included
   * @param messagesRouted messages the twin's rules engine routed (device and cloud-to-device publishes)
   */
  public record RunFigures(String simStart, String simEnd, int simMinutes, double speed, long seed, long messagesSent,
      long duplicatesSent, int heldBack, long messagesReceived, long messagesRouted, double wallSeconds) {}

  /** The twin's parking summary (GET /ops/parking/summary) and zone availability; money in fen. */
  public record ParkingFigures(int spaces, int sessions, int open, int closed, int noise, int unidentified,
      long revenueDueFen, int paid, long paidFen, int unpaid, long unpaidFen, List<ZoneFigures> zones,
      Payments citizens) {}

  public record ZoneFigures(String zone, int free, int occupied, int total) {}

  /** What the citizens' app saw while paying. */
  public record Payments(int citizens, int payments, long paidFen, int retries, int retriesWithSameReceipt,
      List<String> refusals) {}

  /**
   * The twin's dispatch statistics (GET /ops/dispatch/stats) and what the units saw. Response times are
   * medians in real seconds: report to dispatch is the twin's own latency, the later intervals are the
   * simulated crews' accelerated delays.
   */
  public record DispatchFigures(int alerts, int repeatedAlerts, int incidents, int open, int closed, int queued,
      int escalations, int ordersReceived, int ordersIgnored, List<PriorityFigures> priorities,
      List<Open311Figures> reports) {}

  /** A resident's report as the resident sees it (GET /open311/v2/requests/{id}.json). */
  public record Open311Figures(String serviceCode, String requestId, String status, String notes) {}

  public record PriorityFigures(int priority, int incidents, int closed, int escalations, Double reportToDispatch,
      Double dispatchToAccept, Double acceptToArrive) {}

  /**
   * The latest plan (GET /ops/bikeshare/plans/latest), {@code planId} null when none was made; and what the
   * trucks did: task lists taken up, bikes actually moved.
   */
  public record BikeshareFigures(String planId, String status, int trucksUsed, int stops, int completedStops,
      int bikesToPickUp, int bikesToDrop, long distanceMeters, int stationsReporting, int stationsOffTarget,
      int stationsVisited, int taskListsAdopted, int bikesPickedUp, int bikesDropped) {}

  /** GET /ops/dead-letters: how many, and how many of each reason. */
  public record DeadLetterFigures(int count, Map<String, Integer> reasons) {}

  public void print(PrintStream out) {
    out.println();
    out.println("== summary ==");
    out.printf(Locale.ROOT, "run        %s -> %s (%d sim minutes at %.0fx, seed %d) in %.1f s wall time%n",
        run.simStart(), run.simEnd(), run.simMinutes(), run.speed(), run.seed(), run.wallSeconds());
    out.printf(Locale.ROOT, "MQTT       %d messages sent by devices (%d sent twice, %d delivered out of order), "
            + "%d received by devices; twin routed %d%n",
        run.messagesSent(), run.duplicatesSent(), run.heldBack(), run.messagesReceived(), run.messagesRouted());

    out.printf(Locale.ROOT, "parking    %d sessions: %d closed, %d still open; %d sensor flaps not billed; %d without plate%n",
        parking.sessions(), parking.closed(), parking.open(), parking.noise(), parking.unidentified());
    out.printf(Locale.ROOT, "           revenue due %s; %d paid %s, %d unpaid %s%n", money(parking.revenueDueFen()),
        parking.paid(), money(parking.paidFen()), parking.unpaid(), money(parking.unpaidFen()));
    Payments citizens = parking.citizens();
    out.printf(Locale.ROOT, "           in the app %d citizens paid %d sessions, %s; %d tapped pay twice, %d got the same receipt%n",
        citizens.citizens(), citizens.payments(), money(citizens.paidFen()), citizens.retries(),
        citizens.retriesWithSameReceipt());
    citizens.refusals().forEach(refusal -> out.println("           refused: " + refusal));
    StringBuilder zones = new StringBuilder();
    for (ZoneFigures zone : parking.zones()) {
      zones.append(String.format(Locale.ROOT, "  %s %d/%d free", zone.zone(), zone.free(), zone.total()));
    }
    out.println("           availability now:" + zones);

    out.printf(Locale.ROOT, "dispatch   %d sensor alerts (%d repeats) + %d Open311 reports -> %d incidents: %d closed, "
            + "%d open (%d queued); %d orders to units, %d ignored -> %d escalations%n",
        dispatch.alerts(), dispatch.repeatedAlerts(), dispatch.reports().size(), dispatch.incidents(), dispatch.closed(),
        dispatch.open(), dispatch.queued(), dispatch.ordersReceived(), dispatch.ordersIgnored(), dispatch.escalations());
    for (PriorityFigures p : dispatch.priorities()) {
      out.printf(Locale.ROOT, "           priority %d: %d incidents, %d closed, %d escalations; medians (real time):%n"
              + "             report->dispatch %s, dispatch->accept %s, accept->arrive %s%n",
          p.priority(), p.incidents(), p.closed(), p.escalations(), seconds(p.reportToDispatch(), run.speed()),
          seconds(p.dispatchToAccept(), run.speed()), seconds(p.acceptToArrive(), run.speed()));
    }
    for (Open311Figures report : dispatch.reports()) {
      out.printf(Locale.ROOT, "           Open311 %s %s: %s, \"%s\"%n", report.serviceCode(), report.requestId(),
          report.status(), report.notes());
    }

    if (bikeshare.planId() == null) {
      out.println("bike-share no plan was made");
    } else {
      out.printf(Locale.ROOT, "bike-share plan %s (%s): %d of %d stations off target, %d to visit; %d trucks, %d stops, "
              + "%.1f km, pick up %d bikes, drop %d%n",
          bikeshare.planId(), bikeshare.status(), bikeshare.stationsOffTarget(), bikeshare.stationsReporting(),
          bikeshare.stationsVisited(), bikeshare.trucksUsed(), bikeshare.stops(), bikeshare.distanceMeters() / 1000.0,
          bikeshare.bikesToPickUp(), bikeshare.bikesToDrop());
      out.printf(Locale.ROOT, "           %d task lists reached the trucks; progress %d/%d stops done; "
              + "the trucks picked up %d bikes and dropped %d%n", bikeshare.taskListsAdopted(), bikeshare.completedStops(),
          bikeshare.stops(), bikeshare.bikesPickedUp(), bikeshare.bikesDropped());
    }

    out.printf(Locale.ROOT, "dead letters %d%n", deadLetters.count());
    deadLetters.reasons().forEach((reason, count) -> out.printf(Locale.ROOT, "           %d x %s%n", count, reason));
    out.flush();
  }

  /** Yuan and fen, e.g. "¥12.50 / 1250 fen". */
  static String money(long fen) {
    return String.format(Locale.ROOT, "¥%d.%02d / %d fen", fen / 100, Math.abs(fen % 100), fen);
  }

  /** Real seconds, and the simulated minutes they stand for. */
  private static String seconds(Double realSeconds, double speed) {
    if (realSeconds == null) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.3f s (~%.1f sim min)", realSeconds, realSeconds * speed / 60);
  }
}
