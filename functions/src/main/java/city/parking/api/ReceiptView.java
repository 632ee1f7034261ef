package city.parking.api;

import city.parking.core.ParkingLayout;
import city.parking.core.session.Payment;
import city.parking.core.session.Session;
import city.parking.core.tariff.FeeBreakdown;
import city.parking.core.tariff.Tariff;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** The receipt of one session: the bill, how the tariff arrived at it, and the payment. */
public record ReceiptView(String sessionId, String spaceId, String zone, String zoneName, String tariff,
    String zoneClass, OffsetDateTime start, OffsetDateTime end, String plate, long amountDue, boolean paid,
    String status, boolean settledWithGap, String correction, Breakdown breakdown, PaymentView payment) {

  record Charge(long count, long incrementMinutes, long fenPerUnit, long fen) {}

  record Segment(Instant start, Instant end, String window, long fen, List<Charge> charges) {}

  record Breakdown(List<Segment> segments, boolean withinFreePeriod, long capReductionFen, long totalFen) {}

  record PaymentView(String paymentId, long amount, Instant paidAt, String provider, String providerReference) {}

  public static ReceiptView of(Session s, ParkingLayout.Zone zone, Tariff tariff) {
    Breakdown breakdown = s.end().filter(end -> s.billable())
        .map(end -> breakdown(tariff.breakdown(zone.zoneClass(), s.start().toInstant(), end.toInstant())))
        .orElse(null);
    PaymentView payment = s.payment().map(ReceiptView::payment).orElse(null);
    return new ReceiptView(s.sessionId(), s.spaceId(), s.zone(), zone.name(), zone.tariff(), zone.zoneClass(),
        s.start(), s.end().orElse(null), s.plateNumber().orElse(null), s.amountDue(), s.paid(), SessionView.status(s),
        s.settledWithGap(), s.correction().orElse(null), breakdown, payment);
  }

  private static Breakdown breakdown(FeeBreakdown fee) {
    List<Segment> segments = fee.segments().stream()
        .map(segment -> new Segment(segment.start(), segment.end(), segment.window().orElse(null), segment.fen(),
            segment.charges().stream()
                .map(c -> new Charge(c.count(), c.increment().toMinutes(), c.fenPerUnit(), c.fen()))
                .toList()))
        .toList();
    long capReduction = fee.capReductions().stream().mapToLong(r -> r.reductionFen()).sum();
    return new Breakdown(segments, fee.withinFreePeriod(), capReduction, fee.totalFen());
  }

  private static PaymentView payment(Payment p) {
    return new PaymentView(p.paymentId(), p.amount(), p.paidAt(), p.provider(), p.providerReference());
  }
}
