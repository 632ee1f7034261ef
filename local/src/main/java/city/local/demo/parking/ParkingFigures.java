package city.local.demo.parking;

import city.local.demo.CityBusLine;
import city.local.demo.DemoFigures;
import city.local.demo.Summary;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The twin's parking summary (GET /ops/parking/summary) and zone availability, and what the sensors and the
 * citizens' app did; money in fen.
 *
 * @param heldBack readings the sensors' network delivered out of order
 * @param keepAlives states the sensors repeated after being quiet for half their heartbeat
 * @param cityBus rules 3 (the overstay) and 4 (the silent sensor)
 */
public record ParkingFigures(int spaces, int sessions, int open, int closed, int noise, int unidentified,
    long revenueDueFen, int paid, long paidFen, int unpaid, long unpaidFen, List<ZoneFigures> zones,
    Payments citizens, int heldBack, int keepAlives, List<CityBusLine> cityBus) implements DemoFigures {

  public record ZoneFigures(String zone, int free, int occupied, int total) {}

  /** What the citizens' app saw while paying. */
  public record Payments(int citizens, int payments, long paidFen, int retries, int retriesWithSameReceipt,
      List<String> refusals) {}

  @Override
  public void print(PrintStream out, Summary.RunFigures run) {
    out.printf(Locale.ROOT, "parking    %d sessions: %d closed, %d still open; %d sensor flaps not billed; %d without plate;"
            + " %d readings delivered out of order; %d keep-alives%n",
        sessions, closed, open, noise, unidentified, heldBack, keepAlives);
    out.printf(Locale.ROOT, "           revenue due %s; %d paid %s, %d unpaid %s%n", money(revenueDueFen),
        paid, money(paidFen), unpaid, money(unpaidFen));
    out.printf(Locale.ROOT, "           in the app %d citizens paid %d sessions, %s; %d tapped pay twice, %d got the same receipt%n",
        citizens.citizens(), citizens.payments(), money(citizens.paidFen()), citizens.retries(),
        citizens.retriesWithSameReceipt());
    citizens.refusals().forEach(refusal -> out.println("           refused: " + refusal));
    StringBuilder free = new StringBuilder();
    for (ZoneFigures zone : zones) {
      free.append(String.format(Locale.ROOT, "  %s %d/%d free", zone.zone(), zone.free(), zone.total()));
    }
    out.println("           availability now:" + free);
  }

  /** Yuan and fen, e.g. "¥12.50 / 1250 fen". */
  static String money(long fen) {
    return String.format(Locale.ROOT, "¥%d.%02d / %d fen", fen / 100, Math.abs(fen % 100), fen);
  }
}
