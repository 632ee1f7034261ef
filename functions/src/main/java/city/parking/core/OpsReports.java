package city.parking.core;

import city.parking.core.session.Session;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What ops and enforcement read: a space's sessions, arrears, sessions without a plate, a summary. */
public final class OpsReports {
  private final ParkingSettings settings;
  private final SpaceStore spaces;
  private final SessionStore sessions;
  private final SessionLookup lookup;

  public OpsReports(ParkingSettings settings, SpaceStore spaces, SessionStore sessions, SessionLookup lookup) {
    this.settings = settings;
    this.spaces = spaces;
    this.sessions = sessions;
    this.lookup = lookup;
  }

  /** A half-open range of session starts. */
  public record Period(Instant from, Instant to) {
    boolean holds(Session session) {
      Instant start = session.start().toInstant();
      return !start.isBefore(from) && start.isBefore(to);
    }
  }

  /** Every session of the space that started in the period, noise and voided ones included, oldest first. */
  public List<Session> spaceSessions(ParkingLayout.Zone zone, String spaceId, Period period) {
    List<Session> result = new ArrayList<>(sessions.ofSpace(zone.zone(), spaceId, day(period.from()), day(period.to())));
    spaces.head(zone.zone(), spaceId).flatMap(lookup::open).ifPresent(result::add);
    return result.stream().filter(period::holds).sorted(Comparator.comparing(s -> s.start().toInstant())).toList();
  }

  /**
   * The seq a sensor installed on the space must count from: one past the newest the space has seen. A replaced
   * sensor that starts again at 1 would only send duplicates; one that starts far beyond is refused.
   */
  public long nextSeq(ParkingLayout.Zone zone, String spaceId) {
    return spaces.head(zone.zone(), spaceId).map(head -> head.lastSeq() + 1).orElse(1L);
  }

  /** Unpaid sessions older than the arrears age, by plate (sessions without a plate under null). */
  public Map<Optional<String>, List<Session>> arrears() {
    Map<Optional<String>, List<Session>> byPlate = new LinkedHashMap<>();
    sessions.arrears().stream()
        .filter(s -> !s.paid() && s.billable())
        .sorted(Comparator.comparing((Session s) -> s.plateNumber().orElse("\uffff")).thenComparing(s -> s.start().toInstant()))
        .forEach(s -> byPlate.computeIfAbsent(s.plateNumber(), p -> new ArrayList<>()).add(s));
    return byPlate;
  }

  /** Real sessions (closed or open) without a plate: enforcement checks them on the street or on camera. */
  public List<Session> unidentified(Period period) {
    return everySession(period).stream()
        .filter(s -> s.plate().isEmpty() && !s.noise() && !s.voided())
        .toList();
  }

  /**
   * {@code heldForReview}: closed sessions longer than the billable limit, not billed; their ids are listed so
   * that ops can look at the space (a stuck sensor, a device clock that jumped) and settle them by hand.
   */
  public record Summary(Instant from, Instant to, int sessions, int open, int closed, int noise, int voided,
      int withGap, int corrected, int unidentified, long revenueDue, int paid, int unpaid, long paidAmount,
      long unpaidAmount, int arrears, int heldForReview, List<String> heldForReviewSessions) {}

  public Summary summary(Period period) {
    int open = 0;
    int closed = 0;
    int noise = 0;
    int voided = 0;
    int withGap = 0;
    int corrected = 0;
    int unidentified = 0;
    long revenueDue = 0;
    int paid = 0;
    int unpaid = 0;
    long paidAmount = 0;
    long unpaidAmount = 0;
    int arrears = 0;
    List<String> heldForReview = new ArrayList<>();
    for (Session s : everySession(period)) {
      if (s.noise()) {
        noise++;
        continue;
      }
      if (s.voided()) {
        voided++;
        continue;
      }
      withGap += s.settledWithGap() ? 1 : 0;
      corrected += s.correction().isPresent() ? 1 : 0;
      unidentified += s.plate().isEmpty() ? 1 : 0;
      if (s.isOpen()) {
        open++;
        continue;
      }
      closed++;
      if (s.heldForReview()) {
        heldForReview.add(s.sessionId());
      }
      revenueDue += s.amountDue();
      if (s.paid()) {
        paid++;
        paidAmount += s.payment().get().amount();
      } else if (s.billable()) {
        unpaid++;
        unpaidAmount += s.amountDue();
        arrears += s.arrears() ? 1 : 0;
      }
    }
    return new Summary(period.from(), period.to(), open + closed, open, closed, noise, voided, withGap, corrected,
        unidentified, revenueDue, paid, unpaid, paidAmount, unpaidAmount, arrears, heldForReview.size(),
        List.copyOf(heldForReview));
  }

  /** Closed sessions of every zone by day, and the open ones from the heads. */
  private List<Session> everySession(Period period) {
    List<Session> result = new ArrayList<>();
    for (ParkingLayout.Zone zone : settings.layout().zones()) {
      for (LocalDate day = day(period.from()); !day.isAfter(day(period.to())); day = day.plusDays(1)) {
        result.addAll(sessions.ofZoneDay(zone.zone(), day));
      }
      for (SpaceHead head : spaces.zone(zone.zone())) {
        lookup.open(head).ifPresent(result::add);
      }
    }
    return result.stream().filter(period::holds).sorted(Comparator.comparing(s -> s.start().toInstant())).toList();
  }

  private LocalDate day(Instant instant) {
    return instant.atZone(settings.timeZone()).toLocalDate();
  }
}
