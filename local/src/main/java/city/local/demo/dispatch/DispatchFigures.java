package city.local.demo.dispatch;

import city.local.demo.CityBusLine;
import city.local.demo.DemoFigures;
import city.local.demo.Summary;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The twin's dispatch statistics (GET /ops/dispatch/stats) and what the units saw. Response times are
 * medians in real seconds: report to dispatch is the twin's own latency, the later intervals are the
 * simulated crews' accelerated delays. The collision's closures are rules 1 and 2 of the city bus ({@code cityBus}).
 */
public record DispatchFigures(int alerts, int repeatedAlerts, int incidents, int open, int closed, int queued,
    int escalations, int ordersReceived, int ordersIgnored, List<PriorityFigures> priorities,
    List<Open311Figures> reports, List<CityBusLine> cityBus) implements DemoFigures {

  /** A resident's report as the resident sees it (GET /open311/v2/requests/{id}.json). */
  public record Open311Figures(String serviceCode, String requestId, String status, String notes) {}

  public record PriorityFigures(int priority, int incidents, int closed, int escalations, Double reportToDispatch,
      Double dispatchToAccept, Double acceptToArrive) {}

  @Override
  public void print(PrintStream out, Summary.RunFigures run) {
    out.printf(Locale.ROOT, "dispatch   %d sensor alerts (%d repeats) + %d Open311 reports -> %d incidents: %d closed, "
            + "%d open (%d queued); %d orders to units, %d ignored -> %d escalations%n",
        alerts, repeatedAlerts, reports.size(), incidents, closed, open, queued, ordersReceived, ordersIgnored,
        escalations);
    for (PriorityFigures p : priorities) {
      out.printf(Locale.ROOT, "           priority %d: %d incidents, %d closed, %d escalations; medians (real time):%n"
              + "             report->dispatch %s, dispatch->accept %s, accept->arrive %s%n",
          p.priority(), p.incidents(), p.closed(), p.escalations(), seconds(p.reportToDispatch(), run.speed()),
          seconds(p.dispatchToAccept(), run.speed()), seconds(p.acceptToArrive(), run.speed()));
    }
    for (Open311Figures report : reports) {
      out.printf(Locale.ROOT, "           Open311 %s %s: %s, \"%s\"%n", report.serviceCode(), report.requestId(),
          report.status(), report.notes());
    }
  }

  /** Real seconds, and the simulated minutes they stand for. */
  private static String seconds(Double realSeconds, double speed) {
    if (realSeconds == null) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.3f s (~%.1f sim min)", realSeconds, realSeconds * speed / 60);
  }
}
