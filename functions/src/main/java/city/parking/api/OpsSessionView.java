package city.parking.api;

import city.parking.core.session.PlateCandidate;
import city.parking.core.session.Session;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A session as ops see it: the citizen's fields plus how it was billed and what happened to it. */
public record OpsSessionView(String sessionId, String spaceId, String zone, OffsetDateTime start, OffsetDateTime end,
    String plate, Double plateConfidence, long amountDue, boolean paid, String status, boolean settledWithGap,
    boolean noise, boolean voided, String correction, boolean arrears, long openSeq, Long closeSeq,
    Instant paidAt, String paymentId, boolean heldForReview) {

  public static OpsSessionView of(Session s) {
    return new OpsSessionView(s.sessionId(), s.spaceId(), s.zone(), s.start(), s.end().orElse(null),
        s.plateNumber().orElse(null), s.plate().map(PlateCandidate::confidence).orElse(null), s.amountDue(), s.paid(),
        SessionView.status(s), s.settledWithGap(), s.noise(), s.voided(), s.correction().orElse(null), s.arrears(),
        s.openSeq(), s.closeSeq().orElse(null), s.payment().map(p -> p.paidAt()).orElse(null),
        s.payment().map(p -> p.paymentId()).orElse(null), s.heldForReview());
  }
}
