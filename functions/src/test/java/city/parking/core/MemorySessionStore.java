package city.parking.core;

import city.parking.core.session.Payment;
import city.parking.core.session.PlateCandidate;
import city.parking.core.session.Session;
import city.parking.core.session.SessionId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sessions in memory with the conditions of {@code DynamoSessionStore}, one check per condition expression:
 * a put never replaces a paid session or one computed from a newer head, a plate is replaced only by a better
 * read (the expression's order, on millisecond times), a payment needs the exact amount due of an unpaid,
 * closed, real session unless it is the same payment again.
 */
public final class MemorySessionStore implements SessionStore {
  private record Key(String zone, SessionId id) {}

  private record Hold(long version, Instant until) {}

  /** Within a zone's day in sort-key order ({@code <spaceId>#<opening seq>}). */
  private static final Comparator<Key> SORT_KEY = Comparator.comparing(Key::zone)
      .thenComparing(key -> key.id().startDate())
      .thenComparing(key -> key.id().spaceId() + "#")
      .thenComparingLong(key -> key.id().openSeq());

  private final Map<Key, Session> sessions = new TreeMap<>(SORT_KEY);
  private final Map<String, LocalDate> arrearsChecked = new HashMap<>();
  private final Map<Key, Hold> holds = new HashMap<>();

  /** {@code attribute_not_exists(pk) OR (attribute_not_exists(paymentId) AND headVersion < :v)} */
  @Override
  public synchronized boolean put(Session session) {
    Key key = new Key(session.zone(), session.id());
    Session stored = sessions.get(key);
    boolean allowed = stored == null || (!stored.paid() && stored.headVersion() < session.headVersion());
    if (allowed) {
      sessions.put(key, session);
      holds.remove(key);
    }
    return allowed;
  }

  /** {@code attribute_exists(pk) AND attribute_not_exists(paymentId) AND headVersion < :v} */
  @Override
  public synchronized boolean hold(Session session, long version, Instant until) {
    Key key = new Key(session.zone(), session.id());
    Session stored = sessions.get(key);
    if (stored == null || stored.paid() || stored.headVersion() >= version) {
      return false;
    }
    holds.put(key, new Hold(version, until));
    return true;
  }

  /** {@code holdVersion = :v} */
  @Override
  public synchronized void release(Session session, long version) {
    Key key = new Key(session.zone(), session.id());
    Hold hold = holds.get(key);
    if (hold != null && hold.version() == version) {
      holds.remove(key);
    }
  }

  @Override
  public synchronized Optional<Session> get(String zone, SessionId id) {
    return Optional.ofNullable(sessions.get(new Key(zone, id)));
  }

  @Override
  public synchronized List<Session> ofSpace(String zone, String spaceId, LocalDate from, LocalDate to) {
    return sessions.entrySet().stream()
        .filter(e -> e.getKey().zone().equals(zone) && e.getKey().id().spaceId().equals(spaceId)
            && !e.getKey().id().startDate().isBefore(from) && !e.getKey().id().startDate().isAfter(to))
        .map(Map.Entry::getValue)
        .sorted(Comparator.comparingLong(Session::openSeq))
        .toList();
  }

  @Override
  public synchronized List<Session> ofZoneDay(String zone, LocalDate day) {
    return sessions.entrySet().stream()
        .filter(e -> e.getKey().zone().equals(zone) && e.getKey().id().startDate().equals(day))
        .map(Map.Entry::getValue)
        .toList();
  }

  /** Exists, unpaid, not voided, and the read beats the stored plate (or there is none). */
  @Override
  public synchronized boolean offerPlate(String zone, SessionId id, PlateCandidate read) {
    Key key = new Key(zone, id);
    Session stored = sessions.get(key);
    if (stored == null || stored.paid() || stored.voided()
        || !stored.plate().map(plate -> beats(read, plate)).orElse(true)) {
      return false;
    }
    sessions.put(key, new Session(stored.id(), stored.zone(), stored.start(), stored.closeSeq(), stored.end(),
        Optional.of(read), stored.amountDue(), stored.settledWithGap(), stored.noise(), stored.voided(),
        stored.correction(), stored.payment(), stored.arrears(), stored.heldForReview(), stored.headVersion()));
    return true;
  }

  private static boolean beats(PlateCandidate read, PlateCandidate plate) {
    long readAt = read.ts().toInstant().toEpochMilli();
    long plateAt = plate.ts().toInstant().toEpochMilli();
    if (plate.confidence() != read.confidence()) {
      return plate.confidence() < read.confidence();
    }
    if (plateAt != readAt) {
      return plateAt > readAt;
    }
    if (!plate.plate().equals(read.plate())) {
      return plate.plate().compareTo(read.plate()) > 0;
    }
    return plate.cameraId().compareTo(read.cameraId()) > 0;
  }

  /**
   * {@code (exists AND unpaid AND amountDue = :amount AND closed AND not voided AND not noise AND not held at :now)
   * OR paymentId = :pid};
   * the first payment time stays, the session leaves the arrears list.
   */
  @Override
  public synchronized Optional<Session> pay(String zone, SessionId id, Payment payment) {
    Key key = new Key(zone, id);
    Session stored = sessions.get(key);
    if (stored == null) {
      return Optional.empty();
    }
    Hold hold = holds.get(key);
    boolean first = !stored.paid() && stored.amountDue() == payment.amount() && stored.end().isPresent()
        && !stored.voided() && !stored.noise() && (hold == null || hold.until().isBefore(payment.paidAt()));
    boolean again = stored.payment().map(Payment::paymentId).filter(payment.paymentId()::equals).isPresent();
    if (!first && !again) {
      return Optional.empty();
    }
    Payment kept = new Payment(payment.paymentId(), payment.amount(),
        stored.payment().map(Payment::paidAt).orElse(payment.paidAt()), payment.provider(), payment.providerReference());
    Session paid = new Session(stored.id(), stored.zone(), stored.start(), stored.closeSeq(), stored.end(),
        stored.plate(), stored.amountDue(), stored.settledWithGap(), stored.noise(), stored.voided(),
        stored.correction(), Optional.of(kept), false, stored.heldForReview(), stored.headVersion());
    sessions.put(key, paid);
    return Optional.of(paid);
  }

  /** {@code attribute_exists(pk)}, and DynamoDB's refusal is not caught there: it throws. */
  @Override
  public synchronized void note(String zone, SessionId id, String note) {
    Key key = new Key(zone, id);
    Session stored = sessions.get(key);
    if (stored == null) {
      throw new IllegalStateException("no session " + id + " to note on");
    }
    sessions.put(key, stored.corrected(note, stored.headVersion()));
  }

  /** {@code attribute_exists(pk) AND attribute_not_exists(paymentId)} */
  @Override
  public synchronized boolean markArrears(Session session) {
    Key key = new Key(session.zone(), session.id());
    Session stored = sessions.get(key);
    if (stored == null || stored.paid()) {
      return false;
    }
    sessions.put(key, stored.withArrears(true));
    return true;
  }

  /** The index's order: start time in milliseconds, then session id. */
  @Override
  public synchronized List<Session> arrears() {
    return sessions.values().stream()
        .filter(Session::arrears)
        .sorted(Comparator.comparingLong((Session s) -> s.start().toInstant().toEpochMilli())
            .thenComparing(Session::sessionId))
        .toList();
  }

  @Override
  public synchronized Optional<LocalDate> arrearsCheckedUntil(String zone) {
    return Optional.ofNullable(arrearsChecked.get(zone));
  }

  @Override
  public synchronized void arrearsChecked(String zone, LocalDate day) {
    arrearsChecked.put(zone, day);
  }
}
