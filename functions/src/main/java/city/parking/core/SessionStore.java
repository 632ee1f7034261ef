package city.parking.core;

import city.parking.core.session.Payment;
import city.parking.core.session.PlateCandidate;
import city.parking.core.session.Session;
import city.parking.core.session.SessionId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Closed sessions, by zone and local date of their start (ops read a zone's day in one query). */
public interface SessionStore {
  /**
   * Writes the session unless it is paid or the stored one was computed from a newer head
   * ({@link Session#headVersion()}); a replay of the same computation rewrites the same item.
   *
   * @return false when refused
   */
  boolean put(Session session);

  Optional<Session> get(String zone, SessionId id);

  /** Sessions of one space that started on the local dates {@code from..to}, in seq order. */
  List<Session> ofSpace(String zone, String spaceId, LocalDate from, LocalDate to);

  List<Session> ofZoneDay(String zone, LocalDate day);

  /**
   * Holds an unpaid session for a correction computed from head {@code version}: until {@code until} it cannot
   * be paid, so the correction's writes that follow are not refused half-way. Refused (false) when the session
   * is paid, or was written from head {@code version} or a newer one. The correction's put of the session ends
   * the hold; a hold left by an invocation that died ends at {@code until}.
   */
  boolean hold(Session session, long version, Instant until);

  /** Ends a hold that the correction from head {@code version} took, if it still holds. */
  void release(Session session, long version);

  /** Sets the plate if this read beats the stored one and the session is not paid or voided. */
  boolean offerPlate(String zone, SessionId id, PlateCandidate read);

  /**
   * Records the payment if the session is unpaid, not held by a correction at {@code payment.paidAt()}, and
   * {@code payment.amount()} is exactly its amount due, or if this very payment is already recorded (a retry).
   * Returns the session as stored afterwards, or empty when refused.
   */
  Optional<Session> pay(String zone, SessionId id, Payment payment);

  /** Says on a session what happened to it (a correction refused because it was paid). */
  void note(String zone, SessionId id, String note);

  /** Lists an unpaid session in arrears; false if it was paid meanwhile. */
  boolean markArrears(Session session);

  List<Session> arrears();

  /** The last local date whose sessions were checked for arrears in this zone. */
  Optional<LocalDate> arrearsCheckedUntil(String zone);

  void arrearsChecked(String zone, LocalDate day);
}
