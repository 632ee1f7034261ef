package city.parking.api;

import city.parking.core.EnforcementNote;
import city.parking.core.session.PlateCandidate;
import city.parking.core.session.Session;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A session as ops see it: the citizen's fields plus how it was billed and what happened to it, and the warden's
 * job its overstay became ({@code enforcement}, absent when none closed).
 */
public record OpsSessionView(String sessionId, String spaceId, String zone, OffsetDateTime start, OffsetDateTime end,
    String plate, Double plateConfidence, long amountDue, boolean paid, String status, boolean settledWithGap,
    boolean noise, boolean voided, String correction, boolean arrears, long openSeq, Long closeSeq,
    Instant paidAt, String paymentId, boolean heldForReview,
    @JsonInclude(JsonInclude.Include.NON_NULL) Enforcement enforcement) {

  /** The enforcement note on a session. */
  public record Enforcement(String incidentId, String unitId, String resolution, OffsetDateTime closedAt) {
    static Enforcement of(EnforcementNote note) {
      return new Enforcement(note.incidentId(), note.unitId(), note.resolution(), note.closedAt());
    }
  }

  public static OpsSessionView of(Session s) {
    return of(s, null);
  }

  public static OpsSessionView of(Session s, EnforcementNote note) {
    return new OpsSessionView(s.sessionId(), s.spaceId(), s.zone(), s.start(), s.end().orElse(null),
        s.plateNumber().orElse(null), s.plate().map(PlateCandidate::confidence).orElse(null), s.amountDue(), s.paid(),
        SessionView.status(s), s.settledWithGap(), s.noise(), s.voided(), s.correction().orElse(null), s.arrears(),
        s.openSeq(), s.closeSeq().orElse(null), s.payment().map(p -> p.paidAt()).orElse(null),
        s.payment().map(p -> p.paymentId()).orElse(null), s.heldForReview(),
        note == null ? null : Enforcement.of(note));
  }
}
