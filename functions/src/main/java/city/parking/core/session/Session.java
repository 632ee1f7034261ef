package city.parking.core.session;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A session as stored and shown: closed (with its bill) or still open (end empty).
 *
 * @param settledWithGap a reading of it never arrived in time; it was billed on what was known
 * @param noise shorter than the minimum session: flapping, not billed
 * @param voided a late reading showed it never existed (it merged into another session)
 * @param correction what a late reading changed, or why it could not (the session was already paid)
 * @param arrears unpaid past the arrears age: listed for enforcement
 * @param heldForReview longer than the zone's billable limit: not billed (amount 0), counted and listed by the
 *     ops summary for review
 * @param headVersion version of the space's head the content was computed from; a write computed from an
 *     older head never overwrites one computed from a newer head
 */
public record Session(
    SessionId id,
    String zone,
    OffsetDateTime start,
    Optional<Long> closeSeq,
    Optional<OffsetDateTime> end,
    Optional<PlateCandidate> plate,
    long amountDue,
    boolean settledWithGap,
    boolean noise,
    boolean voided,
    Optional<String> correction,
    Optional<Payment> payment,
    boolean arrears,
    boolean heldForReview,
    long headVersion) {

  public static Session closed(ClosedSession c, String zone, ZoneId cityZone, long headVersion) {
    return new Session(SessionId.of(c.spaceId(), c.start(), c.openSeq(), cityZone), zone, c.start(),
        Optional.of(c.closeSeq()), Optional.of(c.end()), c.plate(), c.amountDue(), c.settledWithGap(), c.noise(),
        false, Optional.empty(), Optional.empty(), false, c.heldForReview(), headVersion);
  }

  public static Session open(String spaceId, String zone, OpenSession open, Optional<PlateCandidate> plate,
      ZoneId cityZone) {
    return new Session(SessionId.of(spaceId, open.start(), open.seq(), cityZone), zone, open.start(),
        Optional.empty(), Optional.empty(), plate, 0, open.settledWithGap(), false, false, Optional.empty(),
        Optional.empty(), false, false, 0);
  }

  public String sessionId() {
    return id.toString();
  }

  public String spaceId() {
    return id.spaceId();
  }

  public long openSeq() {
    return id.openSeq();
  }

  public boolean isOpen() {
    return end.isEmpty();
  }

  public boolean paid() {
    return payment.isPresent();
  }

  /** Something to pay: closed, a real session, a fee above zero. */
  public boolean billable() {
    return end.isPresent() && !noise && !voided && amountDue > 0;
  }

  public Optional<String> plateNumber() {
    return plate.map(PlateCandidate::plate);
  }

  /** Same bill: what a correction compares (payment and bookkeeping aside). */
  public boolean sameBill(Session other) {
    return id.equals(other.id) && closeSeq.equals(other.closeSeq)
        && end.map(OffsetDateTime::toInstant).equals(other.end.map(OffsetDateTime::toInstant))
        && amountDue == other.amountDue && settledWithGap == other.settledWithGap && noise == other.noise
        && voided == other.voided && heldForReview == other.heldForReview && plateNumber().equals(other.plateNumber());
  }

  public Session corrected(String note, long version) {
    return new Session(id, zone, start, closeSeq, end, plate, amountDue, settledWithGap, noise, voided,
        Optional.of(note), payment, arrears, heldForReview, version);
  }

  public Session voidedBy(String note, long version) {
    return new Session(id, zone, start, closeSeq, end, plate, 0, settledWithGap, noise, true, Optional.of(note),
        payment, false, false, version);
  }

  public Session withArrears(boolean inArrears) {
    return new Session(id, zone, start, closeSeq, end, plate, amountDue, settledWithGap, noise, voided, correction,
        payment, inArrears, heldForReview, headVersion);
  }
}
